import ProcrunKit
import Testing

/// `procrun check` reports each problem once, where it is: a problem in a called file once however
/// many procedures call it, no second error that follows from the first, and names suggested from
/// what the template may read.
@Suite("each problem once, where it is", .serialized)
struct CheckOnceTests {
    /// Writes `files` (name → text) into a fresh library and expects `procrun check` of the whole
    /// library to exit 2 with exactly `stderr` and `stdout`.
    func expectCheck(_ files: [(String, String)], environment: [(String, String)] = [], stdout: String = "", stderr: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, text) in files { try folder.write(name, text) }
        try ProcrunBinary.expect(
            ["check", "--library", "."], in: folder.path, environment: environment, status: 2, stdout: stdout, stderr: stderr,
            sourceLocation: sourceLocation)
    }

    @Test("a problem in a procedure three others call: reported once, with the first call's note, and counted once")
    func calledProblemOnce() throws {
        let callers = ["a", "b", "c"].map { ("caller_\($0).yaml", "name: caller_\($0)\nsteps:\n  - id: call\n    action: helper\n") }
        try expectCheck(
            callers + [("helper.yaml", "name: helper\nsteps:\n  - id: one\n    action: shell\n    parameters:\n      command: echo {{ inputs.nope }}\n")],
            stderr: """
                helper.yaml:6:24: error: undefined name 'inputs.nope'
                      command: echo {{ inputs.nope }}
                                       ^
                caller_a.yaml:4:13: note: called from here
                    action: helper
                            ^
                1 problem found in 4 files

                """)
    }
}
