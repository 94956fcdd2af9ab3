import ProcrunKit
import Testing

/// `wait_for` run by the built binary: it waits for what an earlier step starts in the background,
/// tries a command again until it succeeds, and fails with what it waited for when the time runs
/// out. The waits that succeed have generous timeouts; the one that times out waits for something
/// that never happens.
@Suite("wait_for", .serialized)
struct WaitForTests {
    /// Runs `procedure` as `wait.yaml` in a fresh folder that also holds `files`, compares the
    /// whole output (measured durations as `<duration>`), and hands the folder to `inspect` before
    /// it is removed.
    func expectRun(
        _ procedure: String, files: [String: String] = [:], status: Int32, stdout: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
        inspect: (TemporaryFolder) -> Void = { _ in }
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("wait.yaml", procedure)
        for (name, text) in files { try folder.write(name, text) }
        try ProcrunBinary.expect(
            ["run", "wait.yaml", "--no-learn"], in: folder.path, status: status, stdout: stdout, normalizing: [.durations], sourceLocation: sourceLocation)
        inspect(folder)
    }

    @Test("a file a background step creates, and then is gone")
    func file() throws {
        let procedure = """
            name: wait_file
            steps:
              - id: start
                action: shell
                parameters: {command: "(sleep 0.3 && touch ready.txt && sleep 0.3 && rm ready.txt) &"}
              - id: ready
                action: wait_for
                parameters: {path: ready.txt, interval: 20ms, timeout: 20s}
              - id: gone
                action: wait_for
                parameters: {path: ready.txt, state: absent, interval: 20ms, timeout: 20s}

            """
        try expectRun(
            procedure, status: 0,
            stdout: """
                ▶ wait_file (wait.yaml, 3 steps)
                  1/3 ✓ shell     start  <duration>
                  2/3 ✓ wait_for  ready  <duration>
                  3/3 ✓ wait_for  gone   <duration>
                ✓ wait_file succeeded in <duration>: 3 succeeded

                """
        ) { folder in
            #expect(!folder.exists("ready.txt"))
        }
    }

    @Test("a port a listener opens after a while, its number read from a file")
    func port() throws {
        let listener = """
            import os, socket, time
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', 0))
            # Written whole, then renamed: port.txt never exists empty.
            open('port.tmp', 'w').write(str(s.getsockname()[1]))
            os.rename('port.tmp', 'port.txt')
            time.sleep(0.3)
            s.listen(1)
            s.settimeout(20)
            s.accept()
            """
        let procedure = """
            name: wait_port
            steps:
              - id: listen
                action: shell
                parameters: {command: "python3 listener.py &"}
              - id: written
                action: wait_for
                parameters: {path: port.txt, interval: 20ms, timeout: 20s}
              - id: number
                action: shell
                parameters: {command: cat port.txt}
              - id: open
                action: wait_for
                parameters: {port: "{{ steps.number.stdout }}", interval: 20ms, timeout: 20s}

            """
        try expectRun(
            procedure, files: ["listener.py": listener], status: 0,
            stdout: """
                ▶ wait_port (wait.yaml, 4 steps)
                  1/4 ✓ shell     listen   <duration>
                  2/4 ✓ wait_for  written  <duration>
                  3/4 ✓ shell     number   <duration>
                  4/4 ✓ wait_for  open     <duration>
                ✓ wait_port succeeded in <duration>: 4 succeeded

                """)
    }

    @Test("a command that succeeds on its third try")
    func command() throws {
        let procedure = """
            name: wait_command
            steps:
              - id: third
                action: wait_for
                parameters:
                  command: "n=$(cat tries 2>/dev/null || echo 0); echo $((n + 1)) > tries; [ $((n + 1)) -ge 3 ]"
                  interval: 20ms
                  timeout: 20s

            """
        try expectRun(
            procedure, status: 0,
            stdout: """
                ▶ wait_command (wait.yaml, 1 step)
                  1/1 ✓ wait_for  third  <duration>
                ✓ wait_command succeeded in <duration>: 1 succeeded

                """
        ) { folder in
            #expect((try? folder.read("tries")) == "3\n")
        }
    }

    @Test("what never happens times out, naming what was awaited and why the last try failed")
    func timeout() throws {
        let procedure = """
            name: wait_never
            steps:
              - id: never
                action: wait_for
                parameters: {path: never.txt, interval: 50ms, timeout: 300ms}
                on_failure: continue
              - id: failing
                action: wait_for
                parameters: {command: "exit 2", interval: 50ms, timeout: 300ms}

            """
        try expectRun(
            procedure, status: 1,
            stdout: """
                ▶ wait_never (wait.yaml, 2 steps)
                  1/2 ✗ wait_for  never    <duration>
                      error: timed out after 300ms waiting for 'never.txt' to exist
                  2/2 ✗ wait_for  failing  <duration>
                      error: timed out after 300ms waiting for 'exit 2' to succeed: exit code 2
                ✗ wait_never failed in <duration>: 0 succeeded, 2 failed; first failure: step 1 (never)

                """)
    }
}
