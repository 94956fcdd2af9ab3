/// Git's conflict markers in a file: the lines `<<<<<<< ` that open a conflict.
public enum ConflictMarkers {
    /// The 1-based numbers of the lines that open a conflict (seven or more `<`, then a space or
    /// the end of the line).
    public static func lines(in bytes: [UInt8]) -> [Int] {
        var result: [Int] = []
        var line = 1
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var count = 0
            while start + count < end, bytes[start + count] == UInt8(ascii: "<") { count += 1 }
            if count >= 7, start + count == end || [UInt8(ascii: " "), UInt8(ascii: "\r")].contains(bytes[start + count]) {
                result.append(line)
            }
            line += 1
            start = end + 1
        }
        return result
    }
}
