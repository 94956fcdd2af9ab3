import Foundation
import Testing

/// What a run may not do to its own library: call a procedure that cannot be called after steps
/// ran, or overwrite the library's own files through a templated path.
@Suite("guards of the library's own files", .serialized)
struct LibraryGuardTests {
    @Test("a templated callee that reads only inputs is resolved before step 1: an unknown one fails the run before anything ran (exit 2)")
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
        try ProcrunBinary.expect(["run", "release.yaml", "--no-learn", "--set", "kind=nope"], in: folder.path, status: 2, stdout: """
            ▶ release (release.yaml, 2 steps)
            ✗ release failed in <duration>: 0 succeeded, 2 not run
              error: release.yaml:8:30: no procedure named 'deploy_nope' in the library folder '.'

            """, normalizing: [.durations])
        #expect(!folder.exists("ran-first"))
        try ProcrunBinary.expect(["run", "release.yaml", "--no-learn"], in: folder.path, stdout: """
            ▶ release (release.yaml, 2 steps)
              1/2 ✓ shell             #1  <duration>
              2/2 ↳ replay_procedure  #2  calls deploy_web (deploy_web.yaml)
                  1/1 ✓ shell  #1  <duration>
              2/2 ✓ replay_procedure  #2  <duration>
            ✓ release succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
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
            (".procrun/locks/other.yaml.lock", "procrun's own folder '.procrun'"), ("sub/.procrun/locks/x.yaml.lock", "procrun's own folder '.procrun'"),
        ])
    func ownFilesRefused(target: String, what: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "{}\n")
        _ = try folder.write("other.yaml", "name: other\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        _ = try folder.write(".procrun/locks/other.yaml.lock", "")
        _ = try folder.write("writer.yaml", Self.writer)
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        let before = (try? folder.read(target)) ?? nil
        try ProcrunBinary.expect(
            ["run", "writer.yaml", "--no-learn", "--set", "target=\(target)"], in: folder.path, status: 1,
            stdout: """
                ▶ writer (writer.yaml, 1 step)
                  1/1 ✗ write_file  #1  <duration>
                      error: write_file path '<tmp>/\(target)' is \(what), which a step does not overwrite; write elsewhere, or add \
                library_files: true to the step's parameters
                ✗ writer failed in <duration>: 0 succeeded, 1 failed; first failure: step 1

                """, normalizing: [.durations, .temporaryFolders])
        #expect(((try? folder.read(target)) ?? nil) == before)
        _ = try folder.write("allowed.yaml", Self.writer.replacingOccurrences(of: "create_dirs: true", with: "create_dirs: true, library_files: true")
            .replacingOccurrences(of: "name: writer", with: "name: allowed"))
        try ProcrunBinary.expect(["run", "allowed.yaml", "--no-learn", "--set", "target=\(target)"], in: folder.path, stdout: """
            ▶ allowed (allowed.yaml, 1 step)
              1/1 ✓ write_file  #1  <duration>
            ✓ allowed succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        #expect(try folder.read(target) == "overwritten\n")
    }
}
