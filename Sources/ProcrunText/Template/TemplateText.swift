/// Text operations behind the filters, on UTF-8 bytes or Unicode scalars (never `Foundation`).
enum TemplateText {
    /// `text` without leading and trailing white space (Unicode `White_Space`).
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The runs of non-white-space text.
    static func splitOnWhitespace(_ text: String) -> [Value] {
        var parts: [Value] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isWhitespace {
                if !current.isEmpty {
                    parts.append(.string(current))
                    current = ""
                }
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { parts.append(.string(current)) }
        return parts
    }

    /// The byte offsets where `needle` (not empty) starts in `haystack`, without overlaps.
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        var index = 0
        let lastStart = haystack.count - needle.count
        while index <= lastStart {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The parts of `text` between occurrences of `separator` (not empty); empty parts are kept.
    static func split(_ text: String, separator: String) -> [Value] {
        let bytes = Array(text.utf8)
        let needle = Array(separator.utf8)
        var parts: [Value] = []
        var start = 0
        for offset in occurrences(of: needle, in: bytes) {
            parts.append(.string(String(decoding: bytes[start..<offset], as: UTF8.self)))
            start = offset + needle.count
        }
        parts.append(.string(String(decoding: bytes[start...], as: UTF8.self)))
        return parts
    }

    /// `text` with every `old` (not empty) replaced by `new`.
    static func replace(_ text: String, _ old: String, with new: String) -> String {
        let bytes = Array(text.utf8)
        let found = occurrences(of: Array(old.utf8), in: bytes)
        guard !found.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        for offset in found {
            out.append(contentsOf: bytes[start..<offset])
            out.append(contentsOf: new.utf8)
            start = offset + old.utf8.count
        }
        out.append(contentsOf: bytes[start...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `needle` occurs in `text` (the empty string occurs everywhere).
    static func contains(_ text: String, _ needle: String) -> Bool {
        needle.isEmpty || !occurrences(of: Array(needle.utf8), in: Array(text.utf8)).isEmpty
    }

    /// The lines of `text`: split on `\n`, a `\r` before it removed, no empty last line for a
    /// final newline.
    static func lines(_ text: String) -> [Value] {
        guard !text.isEmpty else { return [] }
        var parts = split(text, separator: "\n")
        if case .string("") = parts.last { parts.removeLast() }
        return parts.map { part in
            guard case .string(let line) = part, line.utf8.last == UInt8(ascii: "\r") else { return part }
            return .string(String(decoding: line.utf8.dropLast(), as: UTF8.self))
        }
    }

    /// The last path component, as POSIX `basename`: `/a/b/` gives `b`, `/` gives `/`.
    static func basename(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty else { return "" }
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        if end == 0 { return "/" }
        var start = end
        while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Everything before the last component, as POSIX `dirname`: `a` gives `.`, `/a` gives `/`.
    static func dirname(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/")
        guard !bytes.isEmpty else { return "." }
        var end = bytes.count
        while end > 0, bytes[end - 1] == slash { end -= 1 }
        if end == 0 { return "/" }
        while end > 0, bytes[end - 1] != slash { end -= 1 }
        if end == 0 { return "." }
        while end > 0, bytes[end - 1] == slash { end -= 1 }
        if end == 0 { return "/" }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }

    /// `other` after `base` with one `/` between them, as Python's `os.path.join`: an absolute
    /// `other` replaces `base`, an empty one leaves `base` ending in `/`.
    static func joinPath(_ base: String, _ other: String) -> String {
        if other.hasPrefix("/") || base.isEmpty { return other }
        return base.hasSuffix("/") ? base + other : base + "/" + other
    }
}
