@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// A quote never closed is reported at the quote, wherever libyaml stops: at the end of the file,
/// or at a later key when a later string's opening quote closed it.
@Suite("unclosed quotes")
struct SourceScanUnclosedQuoteTests {
    /// A file with `1️⃣` where the error must point and `2️⃣` where its note must (if it has one).
    struct Case: Sendable, CustomTestStringConvertible {
        var marked: String
        var note: String?
        var testDescription: String { marked }
    }

    static let step = "  - action: log\n    parameters: {message: hi}"

    static let cases: [Case] = [
        // libyaml reaches the end of the file: the note says so where it is.
        Case(marked: "name: 1️⃣\"abc\nsteps:\n\(step)2️⃣\n", note: "the file ends here"),
        Case(marked: "name: 1️⃣'abc\nsteps:\n\(step)2️⃣\n", note: "the file ends here"),
        Case(marked: "name: x\nsteps:\n  - action: log\n    parameters:\n      message: 1️⃣\"hi\n\(step)2️⃣\n", note: "the file ends here"),
        Case(marked: "name: x\nsteps:\n  - action: log\n    parameters: {message: 1️⃣'hi}\n", note: nil),
        Case(marked: "name: x\ndescription: 1️⃣\"abc", note: nil),
        // A later string's opening quote closes it: libyaml stops after that string.
        Case(
            marked: "name: 1️⃣\"abc\ndescription: \"2️⃣something\"\nsteps:\n\(step)\n",
            note: "libyaml stops here: did not find expected key while parsing a block mapping"),
        Case(
            marked: "name: x\ndescription: 1️⃣\"abc\nsteps:\n  - action: log\n    parameters: {message: \"2️⃣hi\"}\n",
            note: "libyaml stops here: did not find expected key while parsing a block mapping"),
        Case(
            marked: "name: x\nsteps:\n  - action: log\n    parameters:\n      message: 1️⃣'hi\n  - action: log\n    parameters: {message: '2️⃣hi'}\n",
            note: "libyaml stops here: did not find expected key while parsing a block mapping"),
        Case(
            marked: "name: x\nsteps:\n  - action: log\n    parameters: {message: 1️⃣\"hi,\n      other: \"2️⃣x\"}\n",
            note: "libyaml stops here: did not find expected ',' or '}' while parsing a flow mapping"),
        Case(
            marked: "name: 1️⃣\"abc\nsteps: \"\"2️⃣\n",
            note: "libyaml stops here: found unexpected end of stream while scanning a quoted scalar"),
        // A document marker ends the scalar's document.
        Case(marked: "name: x\ndescription: 1️⃣\"abc\n---\nname: y\n", note: nil),
    ]

    @Test("the error is at the opening quote, with a note where libyaml stopped", arguments: cases)
    func atTheQuote(_ test: Case) throws {
        let (text, markers) = Self.unmarked(test.marked)
        let problem = try #require(Self.error(text))
        #expect(problem.id == .unclosedQuote)
        #expect(problem.location == markers["1️⃣"])
        #expect(problem.message.hasPrefix("syntax: the quoted scalar opened here is never closed: "))
        #expect(problem.notes.map(\.message) == (test.note.map { [$0] } ?? []))
        #expect(problem.notes.first?.location == markers["2️⃣"])
        #expect(problem.notes.allSatisfy { $0.path == "t.yaml" })
    }

    @Test("the messages name the quote and what came instead of its closing")
    func messages() throws {
        let atEnd = try #require(Self.error("name: x\ndescription: 'abc\n"))
        #expect(atEnd.message == "syntax: the quoted scalar opened here is never closed: expected a closing single quote, found the end of the file")
        let later = try #require(Self.error("name: \"abc\ndescription: \"something\"\n"))
        #expect(later.message == "syntax: the quoted scalar opened here is never closed: the double quote at line 2, column 14 closes it instead, taking in the lines between")
        let marker = try #require(Self.error("name: x\ndescription: \"abc\n...\n"))
        #expect(marker.message == "syntax: the quoted scalar opened here is never closed: expected a closing double quote, found the document marker '...' on line 3")
    }

    @Test("the whole rendering points at the quote: caret under it, then the note with its own")
    func rendering() throws {
        let file = SourceFile(path: "t.yaml", text: "name: \"abc\nsteps:\n  - action: log\n")
        let problem = try #require(Self.error(String(decoding: file.bytes, as: UTF8.self)))
        #expect(DiagnosticRenderer(sources: [file]).render(problem) == """
            t.yaml:1:7: error: syntax: the quoted scalar opened here is never closed: expected a closing double quote, found the end of the file
            name: "abc
                  ^
            t.yaml:3:16: note: the file ends here
              - action: log
                           ^

            """)
    }

    @Test("other errors near quotes stay libyaml's, where libyaml put them")
    func otherErrors() throws {
        // A string over two lines, closed, then text after it on the line.
        let junk = try #require(Self.error("name: x\ndescription: \"a long\n  text\" junk\nsteps: []\n"))
        #expect(junk.id == .yamlSyntax)
        #expect((junk.location?.line, junk.location?.column) == (3, 9))
        // An escape libyaml does not know: the quote is closed.
        let escape = try #require(Self.error("name: x\ndescription: \"bad \\q escape\"\n"))
        #expect(escape.id == .yamlSyntax)
        #expect(escape.message == "syntax: found unknown escape character while parsing a quoted scalar")
        #expect(escape.notes.isEmpty)
    }

    static func error(_ text: String) -> Diagnostic? {
        YAMLParser.problem(in: text)
    }

    /// `text` without its markers, and where each stood.
    static func unmarked(_ text: String) -> (String, [String: ProcrunKit.SourceLocation]) {
        var out = ""
        var markers: [String: ProcrunKit.SourceLocation] = [:]
        var line = 1
        var column = 1
        for character in text {
            if character == "1️⃣" || character == "2️⃣" {
                markers[String(character)] = ProcrunKit.SourceLocation(line: line, column: column, offset: out.utf8.count)
                continue
            }
            out.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (out, markers)
    }
}
