@testable import ProcrunLanguage
import Testing

@testable import ProcrunKit

/// The `.env` line syntax: assignments, `export`, quotes, comments, and errors at their column.
@Suite("dotenv parser")
struct DotenvParserTests {
    @Test("assignments, export, quotes and comments")
    func lines() throws {
        let text = "# top\n\nA=plain value # comment\nexport B='single # kept'\nC=\"line\\nbreak \\\"q\\\"\"\r\nD=\nE=a#b\n"
        let parsed = try DotenvParser.parse(text)
        #expect(parsed.map(\.name) == ["A", "B", "C", "D", "E"])
        #expect(parsed.map(\.value) == ["plain value", "single # kept", "line\nbreak \"q\"", "", "a#b"])
    }

    @Test("an invalid line is an error at its line and column")
    func errors() {
        func failure(_ text: String) -> String {
            do {
                _ = try DotenvParser.parse(text)
                return "no error"
            } catch {
                return "\(error.line):\(error.column): \(error.message)"
            }
        }
        #expect(failure("A=1\nB\n") == "2:2: expected '=' after 'B' in a .env line, found the end of the line")
        #expect(failure("1A=x") == "1:1: expected a variable name (letters, digits and '_', not starting with a digit) at the start of a .env line")
        #expect(failure("A='open") == "1:3: unterminated single-quoted value for 'A' in a .env line")
        #expect(failure("A=\"x\" y") == "1:7: expected the end of the line or a '#' comment after the quoted value of 'A', found 'y'")
    }
}
