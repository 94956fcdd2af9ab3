import ProcrunKit
import Testing

/// The whole output of `procrun check` for files whose problems need more than one line: where
/// the problem is, where what caused it is, and the way out.
@Suite("diagnostic output", .serialized)
struct DiagnosticOutputTests {
    /// Runs `procrun COMMAND FIXTURE` on a copy of the broken fixture and expects exit 2, nothing
    /// on standard output and exactly `stderr`.
    func expect(
        _ command: String, _ fixture: String, stderr: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/broken/" + fixture)
        try ProcrunBinary.expect([command, fixture], in: folder.path, status: 2, stderr: stderr, sourceLocation: sourceLocation)
    }

    @Test("conflict markers: named with their lines at the first, with the merge driver and 'procrun resolve' as the way out")
    func mergeConflict() throws {
        try expect(
            "check", "merge-conflict.yaml",
            stderr: """
                merge-conflict.yaml:9:1: error: unresolved merge conflict markers (lines 9, 12, 15)
                <<<<<<< HEAD
                ^
                note: run 'procrun resolve merge-conflict.yaml' to merge the stats of both sides as procrun's merge driver does, or resolve the conflict by hand
                note: 'procrun git-setup' installs that merge driver, so that git merges the stats of procedures by itself
                1 problem found in 1 file

                """)
    }

    static let unclosedAtTheEnd = """
        unclosed-quote-lines.yaml:2:14: error: syntax: the quoted scalar opened here is never closed: expected a closing double quote, found the end of the file
        description: "Deploy the service
                     ^
        unclosed-quote-lines.yaml:7:36: note: the file ends here
            parameters: {message: deployed}
                                           ^

        """

    @Test("an unclosed quote: at the quote, with a note where the file ended; by check and by run")
    func unclosedQuote() throws {
        try expect("check", "unclosed-quote-lines.yaml", stderr: Self.unclosedAtTheEnd + "1 problem found in 1 file\n")
        try expect("run", "unclosed-quote-lines.yaml", stderr: Self.unclosedAtTheEnd)
    }

    @Test("an unclosed quote closed by a later string's quote: at the quote, with a note where libyaml stopped")
    func unclosedQuoteLaterKey() throws {
        try expect("check", "unclosed-quote-later-key.yaml", stderr: """
            unclosed-quote-later-key.yaml:5:16: error: syntax: the quoted scalar opened here is never closed: the single quote at line 7, column 27 closes it instead, taking in the lines between
                  command: 'touch ran-marker
                           ^
            unclosed-quote-later-key.yaml:7:28: note: libyaml stops here: did not find expected key while parsing a block mapping
                parameters: {message: 'deployed'}
                                       ^
            1 problem found in 1 file

            """)
    }

    @Test("empty, comment-only and marker-only files are reported at a line of the file; by check and by run")
    func emptyFiles() throws {
        try expect("check", "empty-file.yaml", stderr: """
            empty-file.yaml:1:1: error: the file is empty; expected a procedure (a mapping with 'name' and 'steps')
            1 problem found in 1 file

            """)
        let comments = """
            comments-only.yaml:1:1: error: the file holds only comments; expected a procedure (a mapping with 'name' and 'steps')
            # A procedure not written yet.
            ^

            """
        try expect("check", "comments-only.yaml", stderr: comments + "1 problem found in 1 file\n")
        try expect("run", "comments-only.yaml", stderr: comments)
        try expect("check", "document-marker-only.yaml", stderr: """
            document-marker-only.yaml:1:1: error: the document is empty; expected a procedure (a mapping with 'name' and 'steps')
            ---
            ^
            1 problem found in 1 file

            """)
    }

    @Test("every independent problem in one pass, in line order")
    func everyProblem() throws {
        let stderr = BrokenFixtureTests.expected("every-problem-at-once.yaml")
        try expect("check", "every-problem-at-once.yaml", stderr: stderr)
        let lines = BrokenFixtureTests.diagnostics(in: stderr, for: "every-problem-at-once.yaml")
        #expect(lines.count == 9)
        #expect(stderr.hasSuffix("9 problems found in 1 file\n"))
        let positions = lines.map { $0.split(separator: ":").prefix(2).map { Int($0) ?? 0 } }
        #expect(positions == positions.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    }
}
