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
        let failed = try ProcrunBinary.run(["run", "release", "--set", "tag=v7", "-q"], in: folder.path)
        #expect(failed.status == 1)
        _ = try FileSystem.remove(folder.path + "/killed")
        let killed = try ProcrunBinary.run(["run", "release", "--set", "tag=v8", "-q"], in: folder.path)
        #expect(killed.status != 0, "procrun was not killed: \(killed.stderr)")
        _ = try folder.write("fixed", "")
        let resumed = try ProcrunBinary.run(["run", "release", "--resume", "--json"], in: folder.path)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(try folder.read("ran.log") == "one-v7\ntwo-v7\nthree\none-v8\ntwo-v8\ntwo-v8\nthree\n")
        let steps = AgentFixture.steps(AgentFixture.object(resumed.stdout))
        #expect(steps.map { $0["status"] } == [.string("skipped"), .string("success"), .string("success")])
        #expect(steps.last?["outcome"] == .string("got built-v8"))
    }

    @Test("--resume says which run and step it resumes from")
    func saysWhichRun() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("killed", "")
        _ = try ProcrunBinary.run(["run", "release", "--set", "tag=v7", "-q"], in: folder.path)
        _ = try folder.write("fixed", "")
        let resumed = try ProcrunBinary.run(["run", "release", "--resume", "--no-learn"], in: folder.path)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let line = resumed.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.hasPrefix("resuming run "), "\(resumed.stderr)")
        #expect(line.hasSuffix(" of 'release' (started \(line.split(separator: "(started ").last?.prefix(20) ?? ""), failed) from step 3 'three'"), "\(line)")
    }

    @Test("an edited step and an inserted one: --resume refuses, naming them, and --force resumes")
    func changedProcedure() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("killed", "")
        let failed = try ProcrunBinary.run(["run", "release", "--set", "tag=v7", "-q"], in: folder.path)
        #expect(failed.status == 1)
        let edited = Self.procedure.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.contains("echo two-") { return line.split(separator: "echo two-").joined(separator: "echo TWO-") }
            if line == "  - id: three" { return "  - id: inserted\n    action: log\n    parameters: {message: hi}\n  - id: three" }
            return String(line)
        }.joined(separator: "\n")
        _ = try folder.write("release.yaml", edited)
        _ = try folder.write("fixed", "")
        let refused = try ProcrunBinary.run(["run", "release", "--resume"], in: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(refused.stderr.hasPrefix("error: --resume: 'release' changed since run "), "\(refused.stderr)")
        #expect(
            refused.stderr.hasSuffix(
                "step 2 'two' is new or edited, step 3 'inserted' is new or edited; resuming would mix two versions of it. Run it from the start, or give --force to resume anyway\n"),
            "\(refused.stderr)")
        #expect(try folder.read("ran.log") == "one-v7\ntwo-v7\nthree\n", "nothing ran")
        let fromStep = try ProcrunBinary.run(["run", "release", "--from", "three"], in: folder.path)
        #expect(fromStep.status == 2)
        #expect(fromStep.stderr.hasPrefix("error: --from three: 'release' changed since run "), "\(fromStep.stderr)")
        let forced = try ProcrunBinary.run(["run", "release", "--resume", "--force", "--json"], in: folder.path)
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test("run records and their journals are the owner's only: files 0600 in folders 0700")
    func recordModes() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("killed", "")
        _ = try ProcrunBinary.run(["run", "release", "-q", "--no-learn"], in: folder.path)
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
