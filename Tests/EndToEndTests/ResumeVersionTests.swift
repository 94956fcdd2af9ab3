import Glibc
import ProcrunKit
import Testing

/// `--resume` never mixes versions: it picks the run started last (a killed one too), says which
/// run and step it resumes from, and refuses when the procedure's steps changed since that run.
@Suite("resuming the right run of the right version", .serialized)
struct ResumeVersionTests {
    /// Step two kills procrun itself (`kill -KILL $PPID`) the first time, as a lost machine would.
    static let procedure = """
        name: release
        inputs:
          tag: {type: string, default: latest}
        steps:
          - id: one
            action: shell
            parameters: {command: "echo one-{{ inputs.tag }} >> ran.log && echo built-{{ inputs.tag }}"}
          - id: two
            action: shell
            parameters: {command: "echo two-{{ inputs.tag }} >> ran.log; test -f killed || { touch killed; kill -KILL $PPID; sleep 1; }"}
          - id: three
            action: shell
            parameters: {command: "echo three >> ran.log && test -f fixed && echo got {{ steps.one.stdout }}"}

        """

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("procrun.yaml", "")
        _ = try folder.write("release.yaml", procedure)
        return folder
    }

    @Test("after a SIGKILL, --resume picks the killed run, with its inputs, from the step after the last it finished")
    func killedRun() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("killed", "")
        try ProcrunBinary.expect(["run", "release", "--set", "tag=v7", "-q"], in: folder.path, status: 1, stderr: "release.yaml: step 3 (three) failed: expected exit code 0, got 1\n")
        _ = try FileSystem.remove(folder.path + "/killed")
        try ProcrunBinary.expect(["run", "release", "--set", "tag=v8", "-q"], in: folder.path, status: 137)
        _ = try folder.write("fixed", "")
        try ProcrunBinary.expect(["run", "release", "--resume", "--json"], in: folder.path, stdout: """
            {"procedure":"release","file":"release.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"one","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":2,\
            "id":"two","action":"shell","status":"success","outcome":"","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},\
            {"step":3,"id":"three","action":"shell","status":"success","outcome":"got built-v8","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(try folder.read("ran.log") == "one-v7\ntwo-v7\nthree\none-v8\ntwo-v8\ntwo-v8\nthree\n")
    }

    @Test("--resume says which run and step it resumes from")
    func saysWhichRun() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("killed", "")
        _ = try ProcrunBinary.expect(["run", "release", "--set", "tag=v7", "-q"], in: folder.path, status: 1, stderr: "release.yaml: step 3 (three) failed: expected exit code 0, got 1\n")
        _ = try folder.write("fixed", "")
        try ProcrunBinary.expect(["run", "release", "--resume", "--no-learn"], in: folder.path, stdout: """
            ▶ release (release.yaml, 3 steps)
              1/3 - shell  one    skipped
              2/3 - shell  two    skipped
              3/3 ✓ shell  three  <duration>
            ✓ release succeeded in <duration>: 1 succeeded, 2 skipped

            """, stderr: """
            resuming run <run> of 'release' (started <time>, failed) from step 3 'three'

            """, normalizing: [.durations, .timestamps, .runIDs])
    }

    @Test("an edited step and an inserted one: --resume refuses, naming them, and --force resumes")
    func changedProcedure() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("killed", "")
        try ProcrunBinary.expect(["run", "release", "--set", "tag=v7", "-q"], in: folder.path, status: 1, stderr: "release.yaml: step 3 (three) failed: expected exit code 0, got 1\n")
        let edited = Self.procedure.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.contains("echo two-") { return line.split(separator: "echo two-").joined(separator: "echo TWO-") }
            if line == "  - id: three" { return "  - id: inserted\n    action: log\n    parameters: {message: hi}\n  - id: three" }
            return String(line)
        }.joined(separator: "\n")
        _ = try folder.write("release.yaml", edited)
        _ = try folder.write("fixed", "")
        try ProcrunBinary.expect(["run", "release", "--resume"], in: folder.path, status: 2, stderr: """
            error: --resume: 'release' changed since run <run> (started <time>): step 2 'two' is new or edited, step 3 'inserted' is new or edited; resuming would mix two versions of it. Run it from the start, or give --force to resume anyway

            """, normalizing: [.timestamps, .runIDs])
        #expect(try folder.read("ran.log") == "one-v7\ntwo-v7\nthree\n", "nothing ran")
        try ProcrunBinary.expect(["run", "release", "--from", "three"], in: folder.path, status: 2, stderr: """
            error: --from three: 'release' changed since run <run> (started <time>): step 2 'two' is new or edited, step 3 'inserted' is new or edited; resuming would mix two versions of it. Run it from the start, or give --force to resume anyway

            """, normalizing: [.timestamps, .runIDs])
        try ProcrunBinary.expect(["run", "release", "--resume", "--force", "--json"], in: folder.path, stdout: """
            {"procedure":"release","file":"release.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"one","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":2,\
            "id":"two","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":3,\
            "id":"inserted","action":"log","status":"success","outcome":"hi","duration_ms":<ms>,"error":null,"attempts":1},\
            {"step":4,"id":"three","action":"shell","status":"success","outcome":"got built-v7","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
    }

    @Test("run records and their journals are the owner's only: files 0600 in folders 0700")
    func recordModes() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("killed", "")
        _ = try ProcrunBinary.expect(["run", "release", "-q", "--no-learn"], in: folder.path, status: 1, stderr: "release.yaml: step 3 (three) failed: expected exit code 0, got 1\n")
        func mode(_ path: String) -> mode_t {
            var info = stat()
            return stat(folder.path + "/" + path, &info) == 0 ? info.st_mode & 0o777 : 0
        }
        #expect(mode(".procrun/runs") == 0o700)
        #expect(mode(".procrun/runs/release") == 0o700)
        let records = try FileSystem.contents(of: folder.path + "/.procrun/runs/release")
        #expect(!records.isEmpty)
        for record in records { #expect(mode(".procrun/runs/release/" + record) == 0o600, "\(record)") }
    }
}
