import ProcrunKit
import Testing

@Suite("the line buffer behind every line reader")
struct LineBufferTests {
    /// Feeds `chunks` and collects every line taken after each one.
    func lines(_ chunks: [String]) -> (lines: [String], rest: String) {
        var buffer = LineBuffer()
        var lines: [String] = []
        for chunk in chunks {
            buffer.append(ArraySlice(chunk.utf8))
            while let line = buffer.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        }
        return (lines, String(decoding: buffer.takeRest(), as: UTF8.self))
    }

    @Test("lines split across chunks, several in one chunk, empty ones and a carriage return are kept as sent")
    func splitting() {
        let read = lines(["ab", "c\nde", "f\n\ng\r\nh\ni", "j"])
        #expect(read.lines == ["abc", "def", "", "g\r", "h"])
        #expect(read.rest == "ij")
    }

    @Test("a line of several megabytes arriving in small chunks is whole, and the buffer keeps only what is pending")
    func longLine() {
        var buffer = LineBuffer()
        let chunk = ArraySlice([UInt8](repeating: UInt8(ascii: "x"), count: 4096))
        for _ in 0..<1024 { buffer.append(chunk) }
        #expect(buffer.nextLine() == nil)
        #expect(buffer.pendingCount == 4 << 20)
        buffer.append(ArraySlice("\nnext".utf8))
        #expect(buffer.nextLine()?.count == 4 << 20)
        #expect(buffer.pendingCount == 4)
        buffer.dropPending()
        buffer.append(ArraySlice("ok\n".utf8))
        #expect(buffer.nextLine().map { String(decoding: $0, as: UTF8.self) } == "ok")
    }
}
