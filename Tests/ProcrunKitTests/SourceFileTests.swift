@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// The lines of a file, as diagnostics quote them and place them.
@Suite("source files")
struct SourceFileTests {
    @Test("lines are found by number: LF and CRLF ends, a final line without one, nothing past the end")
    func lines() {
        let file = SourceFile(path: "t.yaml", text: "one\r\ntwo\n\nfour")
        #expect((1...4).map { file.lineText($0) } == ["one", "two", "", "four"])
        #expect(file.lineText(0) == nil)
        #expect(file.lineText(5) == nil)
        let ended = SourceFile(path: "t.yaml", text: "a\n")
        #expect(ended.lineText(2) == "")
        #expect(ended.lineText(3) == nil)
        #expect(SourceFile(path: "t.yaml", text: "").lineText(1) == "")
    }

    @Test("a byte offset becomes a line and a column in Unicode scalars")
    func locations() {
        let file = SourceFile(path: "t.yaml", text: "ab\r\ncafé: x\n")
        #expect(file.location(ofByte: 0) == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(file.location(ofByte: 4) == SourceLocation(line: 2, column: 1, offset: 4))
        // 'é' is two bytes, one column.
        #expect(file.location(ofByte: 10) == SourceLocation(line: 2, column: 6, offset: 10))
        // The CR of a CRLF takes no column.
        #expect(file.location(ofByte: 3).column == 3)
        #expect(file.location(ofByte: 100).line == 3)
    }

    @Test("a byte-order mark is not part of line 1")
    func byteOrderMark() {
        let file = SourceFile(path: "t.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8))
        #expect(file.lineText(1) == "a: 1")
        #expect(file.location(ofByte: 3) == SourceLocation(line: 1, column: 1, offset: 3))
        #expect(file.location(ofByte: 1) == SourceLocation(line: 1, column: 1, offset: 1))
        #expect(file.location(ofByte: 8) == SourceLocation(line: 2, column: 1, offset: 8))
    }
}
