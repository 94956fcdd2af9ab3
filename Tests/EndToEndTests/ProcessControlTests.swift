import Glibc
import ProcrunKit
import Testing

/// What a step's processes may do to procrun: ignore SIGTERM, flood the output, leave a
/// background child holding the pipe. None of it may hang procrun or make it grow.
@Suite("process control", .serialized)
struct ProcessControlTests {
    func isRunning(_ pid: Int32) -> Bool { ProcessProbe.isRunning(pid) }

    @Test("a timeout ends the whole process group, even members that ignore SIGTERM")
    func timeoutKillsGroup() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "stubborn.yaml",
            """
            name: stubborn
            steps:
              - id: ignore_term
                action: shell
                parameters:
                  command:
                    - sh
                    - -c
                    - |
                      trap '' TERM
                      sh -c 'trap "" TERM; echo $$ > grandchild.pid; while :; do sleep 1; done' &
                      while :; do sleep 1; done
                timeout: 300ms
              - action: shell
                parameters: {command: touch never-ran}
            """)
        let output = try ProcrunBinary.run(["stubborn.yaml", "--no-color"], in: folder.path)
        #expect(output.status == 1)
        #expect(output.stdout.contains("error: timed out after 300ms"), "stdout was:\n\(output.stdout)")
        #expect(!folder.exists("never-ran"))
        let pid = try #require(Int32(try folder.read("grandchild.pid").filter(\.isNumber)))
        var waited = 0
        while isRunning(pid) && waited < 50 {
            usleep(100_000)
            waited += 1
        }
        #expect(!isRunning(pid), "the grandchild \(pid) that ignores SIGTERM survived the timeout")
    }

    @Test("100 MB of output is captured with bounded memory, head and tail kept")
    func hugeOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "flood.yaml",
            """
            name: flood
            steps:
              - id: flood
                action: shell
                parameters:
                  command: [sh, -c, "echo first; head -c 100000000 /dev/zero | tr '\\\\0' x; echo; echo last; head -c 100000000 /dev/zero >&2"]
                expect: {contains: last}
            """)
        let output = try ProcrunBinary.run(["flood.yaml", "--json"], in: folder.path)
        #expect(output.status == 0, "stderr was:\n\(output.stderr)")
        #expect(output.stdout.utf8.count < 1 << 20, "the report is \(output.stdout.utf8.count) bytes")
        // procrun's own peak resident set, measured by a parent that has no other child (other
        // tests run in parallel, so this process's RUSAGE_CHILDREN would mix them in).
        let measure = """
            import resource, subprocess, sys
            subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
            """
        let peak = try ProcessRunner.run(
            ProcessSpec(arguments: ["python3", "-c", measure, ProcrunBinary.path, "flood.yaml", "--no-learn"], workingDirectory: folder.path))
        let peakMegabytes = Int(peak.stdout.text.filter(\.isNumber)) ?? Int.max
        #expect(peakMegabytes < 64, "procrun reached \(peakMegabytes) MB")
    }

    @Test("a background grandchild that keeps the output pipe open does not hang the run")
    func backgroundGrandchild() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "daemon.yaml",
            """
            name: daemon
            steps:
              - id: start
                action: shell
                parameters: {command: "sleep 60 & echo started"}
                expect: {equals: started}
              - action: shell
                parameters: {command: touch finished}
            """)
        let clock = ContinuousClock()
        let started = clock.now
        let output = try ProcrunBinary.run(["daemon.yaml"], in: folder.path)
        #expect(output.status == 0, "stdout was:\n\(output.stdout)")
        #expect(folder.exists("finished"))
        // Not a speed target: a hang would wait the whole 60 s for the sleep to close the pipe.
        #expect(clock.now - started < .seconds(30))
    }

    @Test("a command without shell syntax is spawned directly, without sh")
    func noIntermediateShell() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "direct.yaml",
            """
            name: direct
            steps:
              - id: parent
                action: shell
                parameters: {command: "sh -c 'ps -o comm= -p $PPID'"}
            """)
        let output = try ProcrunBinary.run(["direct.yaml", "--json"], in: folder.path)
        #expect(output.status == 0)
        // The parent of the inner sh is procrun itself, not an intermediate shell.
        #expect(output.stdout.contains(#""outcome":"procrun""#), "stdout was:\n\(output.stdout)")
    }

    @Test("Ctrl-C ends the running step's process group and the run, with exit 130")
    func interrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "long.yaml",
            """
            name: long
            steps:
              - id: wait
                action: shell
                parameters: {command: "touch started; sleep 30; touch finished"}
              - action: shell
                parameters: {command: touch never-ran}
            """)
        let script = """
            "$1" long.yaml --no-color > out.txt & pid=$!
            while [ ! -e started ]; do sleep 0.05; done
            kill -INT $pid
            wait $pid
            echo $?
            """
        let result = try ProcessRunner.run(
            ProcessSpec(arguments: ["sh", "-c", script, "sh", ProcrunBinary.path], workingDirectory: folder.path, timeout: .seconds(60)))
        #expect(result.stdout.text == "130\n")
        let output = try folder.read("out.txt")
        #expect(output.contains("error: interrupted"), "output was:\n\(output)")
        #expect(output.contains("✗ long was interrupted"))
        usleep(200_000)
        #expect(!folder.exists("finished"))
        #expect(!folder.exists("never-ran"))
    }

    @Test("a plain echo runs in-process, as a shell's builtin does; anything unusual runs the program")
    func builtinEcho() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "echo.yaml",
            """
            name: echo
            inputs:
              name: {type: string, default: "a; b $(c)"}
            steps:
              - id: plain
                action: shell
                parameters: {command: 'echo "step 1 of {{ inputs.name }}"'}
              - id: option
                action: shell
                parameters: {command: echo -n hi}
            """)
        // With no PATH, only the in-process echo can succeed.
        let output = try ProcrunBinary.run(["echo.yaml", "--json"], in: folder.path, environment: [("PATH", "/nonexistent")])
        #expect(output.status == 1)
        #expect(output.stdout.contains(#""id":"plain","action":"shell","status":"success","outcome":"step 1 of a; b $(c)""#), "stdout was:\n\(output.stdout)")
        #expect(output.stdout.contains(#""id":"option","action":"shell","status":"failed""#))
    }
}
