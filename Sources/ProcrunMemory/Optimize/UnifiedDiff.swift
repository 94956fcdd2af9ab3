/// A unified diff (`diff -u` style, three lines of context) between two versions of a file.
///
/// Lines are compared as bytes with their line endings, and printed as they are; a last line
/// without a line break is followed by `\ No newline at end of file`.
package enum UnifiedDiff {
    /// The diff of `old` and `new`, labelled `a/PATH` and `b/PATH`; empty when they are equal.
    package static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let operations = diff(a, b)
        guard operations.contains(where: { $0 != .same }) else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < operations.count {
            guard let first = operations[index...].firstIndex(where: { $0 != .same }) else { break }
            // Extend the hunk while changes are within 2 * context lines of each other.
            var last = first
            var probe = first
            while probe < operations.count {
                if operations[probe] != .same {
                    last = probe
                } else if probe - last > 2 * context {
                    break
                }
                probe += 1
            }
            let start = max(index, first - context)
            let end = min(operations.count, last + context + 1)
            out += hunk(operations, start..<end, a, b)
            index = end
        }
        return out
    }

    enum Operation: Equatable { case same, delete, insert }

    /// The hunk for operations in `range`: its header and lines.
    private static func hunk(_ operations: [Operation], _ range: Range<Int>, _ a: [[UInt8]], _ b: [[UInt8]]) -> String {
        var oldLine = 0
        var newLine = 0
        for operation in operations[..<range.lowerBound] {
            if operation != .insert { oldLine += 1 }
            if operation != .delete { newLine += 1 }
        }
        var body = ""
        var oldCount = 0
        var newCount = 0
        for operation in operations[range] {
            switch operation {
            case .same:
                body += line(" ", a[oldLine + oldCount])
                oldCount += 1
                newCount += 1
            case .delete:
                body += line("-", a[oldLine + oldCount])
                oldCount += 1
            case .insert:
                body += line("+", b[newLine + newCount])
                newCount += 1
            }
        }
        func span(_ start: Int, _ count: Int) -> String {
            count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
        }
        return "@@ -\(span(oldLine, oldCount)) +\(span(newLine, newCount)) @@\n" + body
    }

    private static func line(_ mark: String, _ bytes: [UInt8]) -> String {
        let text = mark + String(decoding: bytes, as: UTF8.self)
        return bytes.last == UInt8(ascii: "\n") ? text : text + "\n\\ No newline at end of file\n"
    }

    /// The lines of a file, each with its line break.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }

    /// An edit script from `a` to `b`: the common prefix and suffix kept, the middle aligned by a
    /// longest common subsequence (or replaced whole when it is too large to align cheaply).
    static func diff(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        var middle: [Operation] = []
        if x.count * y.count <= 4_000_000, !x.isEmpty, !y.isEmpty {
            var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] {
                    middle.append(.same)
                    i += 1
                    j += 1
                } else if i < x.count, j == y.count || table[i + 1][j] >= table[i][j + 1] {
                    middle.append(.delete)
                    i += 1
                } else {
                    middle.append(.insert)
                    j += 1
                }
            }
        } else {
            middle = Array(repeating: .delete, count: x.count) + Array(repeating: .insert, count: y.count)
        }
        return Array(repeating: .same, count: prefix) + middle + Array(repeating: .same, count: suffix)
    }
}
