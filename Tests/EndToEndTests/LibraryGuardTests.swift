import Foundation
import Testing

/// What a run may not do to its own library: call a procedure that cannot be called after steps
/// ran, or overwrite the library's own files through a templated path.
@Suite("guards of the library's own files", .serialized)
struct LibraryGuardTests {
    @Test("a templated callee that reads only inputs is resolved before step 1: an unknown one fails the run before anything ran")
    func calleeBeforeRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("deploy_web.yaml", "name: deploy_web\nsteps:\n  - action: shell\n    parameters: {command: touch web-deployed}\n")
        _ = try folder.write("release.yaml", """
            name: release
            inputs:
              kind: {type: string, default: web}
            steps:
              - action: shell
                parameters: {command: touch ran-first}
              - action: replay_procedure
                parameters: {procedure: "deploy_{{ inputs.kind }}"}

            """)
        let refused = try ProcrunBinary.run(["run", "release.yaml", "--no-learn", "--set", "kind=nope"], in: folder.path)
        #expect(refused.status != 0)
        #expect((refused.stdout + refused.stderr).contains("release.yaml:8:30:"), "stdout was:\n\(refused.stdout)\nstderr was:\n\(refused.stderr)")
        #expect((refused.stdout + refused.stderr).contains("deploy_nope"))
        #expect(!folder.exists("ran-first"))
        let ran = try ProcrunBinary.run(["run", "release.yaml", "--no-learn"], in: folder.path)
        #expect(ran.status == 0, "stdout was:\n\(ran.stdout)")
        #expect(folder.exists("ran-first") && folder.exists("web-deployed"))
    }

    static let writer = """
        name: writer
        inputs:
          target: {type: string, required: true}
        steps:
          - action: write_file
            parameters: {path: "{{ inputs.target }}", content: "overwritten\\n", create_dirs: true}

        """

    @Test("a templated write_file path may not name procrun.yaml, a procedure, a lock or .procrun/ unless library_files says so",
        arguments: [
            ("procrun.yaml", "the library's procrun.yaml"), ("other.yaml", "the procedure file 'other.yaml'"),
            ("sub/../writer.yaml", "the procedure file 'writer.yaml'"), (".procrun/runs/x.json", "procrun's own folder '.procrun'"),
            ("other.yaml.procrun.lock", "the lock file 'other.yaml.procrun.lock'"),
        ])
    func ownFilesRefused(target: String, what: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "{}\n")
        _ = try folder.write("other.yaml", "name: other\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        _ = try folder.write("other.yaml.procrun.lock", "")
        _ = try folder.write("writer.yaml", Self.writer)
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        let before = (try? folder.read(target)) ?? nil
        let output = try ProcrunBinary.run(["run", "writer.yaml", "--no-learn", "--set", "target=\(target)"], in: folder.path)
        #expect(output.status == 1)
        #expect(output.stdout.contains("is \(what), which a step does not overwrite"), "stdout was:\n\(output.stdout)")
        #expect(((try? folder.read(target)) ?? nil) == before)
        _ = try folder.write("allowed.yaml", Self.writer.replacingOccurrences(of: "create_dirs: true", with: "create_dirs: true, library_files: true")
            .replacingOccurrences(of: "name: writer", with: "name: allowed"))
        let allowed = try ProcrunBinary.run(["run", "allowed.yaml", "--no-learn", "--set", "target=\(target)"], in: folder.path)
        #expect(allowed.status == 0, "stdout was:\n\(allowed.stdout)")
        #expect(try folder.read(target) == "overwritten\n")
    }
}
