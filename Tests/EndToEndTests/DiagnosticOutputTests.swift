import ProcrunKit
import Testing

/// The whole output of `procrun check` for files whose problems need more than one line: where
/// the problem is, where what caused it is, and the way out.
@Suite("diagnostic output", .serialized)
struct DiagnosticOutputTests {
    func check(_ fixture: String) throws -> ProcrunBinary.Output {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/broken/" + fixture)
        return try ProcrunBinary.run(["check", fixture], in: folder.path)
    }

    @Test("conflict markers: named with their lines at the first, with the merge driver and 'procrun resolve' as the way out")
    func mergeConflict() throws {
        let output = try check("merge-conflict.yaml")
        #expect(output.status == 2)
        #expect(
            output.stderr == """
                merge-conflict.yaml:9:1: error: unresolved merge conflict markers (lines 9, 12, 15)
                <<<<<<< HEAD
                ^
                note: run 'procrun resolve merge-conflict.yaml' to merge the stats of both sides as procrun's merge driver does, or resolve the conflict by hand
                note: 'procrun git-setup' installs that merge driver, so that git merges the stats of procedures by itself
                1 problem found in 1 file

                """)
    }

    @Test("an unclosed quote: where the file ended, and a note at the quote that opened")
    func unclosedQuote() throws {
        let output = try check("unclosed-quote-lines.yaml")
        #expect(
            output.stderr == """
                unclosed-quote-lines.yaml:7:36: error: syntax: found unexpected end of stream while scanning a quoted scalar
                    parameters: {message: deployed}
                                                   ^
                unclosed-quote-lines.yaml:2:14: note: the quoted scalar opens here and is never closed
                description: "Deploy the service
                             ^
                1 problem found in 1 file

                """)
    }

    @Test("empty and comment-only files are reported at a line of the file")
    func emptyFiles() throws {
        #expect(try check("empty-file.yaml").stderr == """
            empty-file.yaml:1:1: error: the file is empty; expected a procedure (a mapping with 'name' and 'steps')
            1 problem found in 1 file

            """)
        #expect(try check("comments-only.yaml").stderr == """
            comments-only.yaml:1:1: error: the file holds only comments; expected a procedure (a mapping with 'name' and 'steps')
            # A procedure not written yet.
            ^
            1 problem found in 1 file

            """)
    }

    @Test("every independent problem in one pass, in line order")
    func everyProblem() throws {
        let output = try check("every-problem-at-once.yaml")
        let lines = BrokenFixtureTests.diagnostics(in: output.stderr, for: "every-problem-at-once.yaml")
        #expect(lines.count == 9)
        #expect(output.stderr.hasSuffix("9 problems found in 1 file\n"))
        let positions = lines.map { $0.split(separator: ":").prefix(2).map { Int($0) ?? 0 } }
        #expect(positions == positions.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    }
}
