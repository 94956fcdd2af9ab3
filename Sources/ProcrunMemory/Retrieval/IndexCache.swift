import ProcrunText

/// The search index saved between runs, at `.procrun/find-cache` in the library: each file's
/// summary and terms, keyed by its path, size, modification and change times and inode, and the
/// library's ``Vocabulary`` (on the line after the header).
///
/// An entry is used only when the file's status is exactly what it was when the entry was made,
/// and the file had not changed in the two seconds before the cache was written (a file changed
/// within the file system's time resolution could otherwise look unchanged). Anything else is read
/// again, so the cache is never stale; a cache that cannot be read is ignored and rebuilt.
package struct IndexCache: Sendable {
    /// The cache file, relative to the library root.
    package static let relativePath = ".procrun/find-cache"
    static let header = "procrun-find-cache 5"
    /// How long before the cache was written a change must be for the entry to be trusted, in nanoseconds.
    static let racyWindow = 2_000_000_000

    /// The library root.
    package let root: String

    /// A cache for the library at `root`.
    package init(root: String) {
        self.root = root
    }

    /// The cache file's path.
    package var path: String { FileSystem.join(root, Self.relativePath) }

    /// The start of the vocabulary's line.
    static let vocabularyMark = "vocabulary\t"

    /// The trusted entries by path, and the vocabulary saved with them; nothing when there is no
    /// readable cache.
    package func load() -> (entries: [String: IndexedDocument], vocabulary: Vocabulary?) {
        guard let size = FileStatus.of(path)?.size, let bytes = FileSystem.read(path, expectedSize: size, limit: 1 << 30) else { return ([:], nil) }
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(size / 256)
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if index > start { lines.append(bytes[start..<index]) }
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        guard let first = lines.first, String(decoding: first, as: UTF8.self).hasPrefix(Self.header + "\t"),
            let written = Int(String(decoding: first.split(separator: UInt8(ascii: "\t")).last ?? [], as: UTF8.self))
        else { return ([:], nil) }
        var entries: [String: IndexedDocument] = [:]
        entries.reserveCapacity(lines.count)
        var vocabulary: Vocabulary?
        let mark = Array(Self.vocabularyMark.utf8)
        for line in lines.dropFirst() {
            if vocabulary == nil, line.starts(with: mark) {
                let terms = line.dropFirst(mark.count).split(separator: CachedLine.listSeparator).map(Self.unescape)
                vocabulary = Vocabulary(terms: Set(terms))
                continue
            }
            guard let cached = CachedLine(line), let status = cached.status else { continue }
            if status.modified >= written - Self.racyWindow || status.changed >= written - Self.racyWindow { continue }
            let path = FileSystem.join(root, cached.text(0))
            entries[path] = IndexedDocument(cached: cached, path: path, status: status)
        }
        return (entries, vocabulary)
    }

    /// Saves `documents` and their `vocabulary`, stamped with `scanStarted` (when their statuses
    /// were taken). Failing to write (a read-only library) is not an error: the next search reads
    /// the files again.
    package func save(_ documents: [IndexedDocument], vocabulary: Vocabulary, scanStarted: Int) {
        var out = Self.header + "\t" + String(scanStarted) + "\n" + Self.vocabularyMark
        for (index, term) in vocabulary.terms.enumerated() {
            if index > 0 { out += "\u{1F}" }
            Self.appendEscaped(term, to: &out)
        }
        out += "\n"
        for document in documents { out += document.cacheLine(root: root) + "\n" }
        _ = try? ProcrunFolder.prepare(in: root)
        try? FileSystem.writeAtomically(Array(out.utf8), to: path)
    }

    static func encode(_ document: IndexedDocument, root: String) -> String {
        let summary = document.summary
        let status = document.status ?? FileStatus(size: -1, modified: 0, changed: 0, inode: 0, isDirectory: false, isRegularFile: true)
        var relative = Substring(summary.path)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if relative.hasPrefix(prefix) { relative = relative.dropFirst(prefix.count) }
        var out = ""
        out.reserveCapacity(1024)
        func field(_ text: String) {
            appendEscaped(text, to: &out)
            out += "\t"
        }
        field(String(relative))
        out += "\(status.size)\t\(status.modified)\t\(status.changed)\t\(status.inode)\t"
        field(summary.name)
        field(summary.description)
        for (index, tag) in summary.tags.enumerated() {
            if index > 0 { out += "\u{1F}" }
            appendEscaped(tag, to: &out)
        }
        out += "\t\(summary.version)\t\(summary.runs)\t\(summary.successes)\t"
        out += summary.successRate.map { String($0) } ?? "-"
        out += "\t"
        out += summary.averageDurationMilliseconds.map(String.init) ?? "-"
        out += "\t"
        if let superseded = summary.supersededBy { appendEscaped(superseded, to: &out) } else { out += "-" }
        out += "\t"
        var first = true
        for (term, weight) in document.terms {
            if !first { out += "\u{1F}" }
            first = false
            appendEscaped(term, to: &out)
            out += "="
            out += weight == weight.rounded() && abs(weight) < 1e15 ? String(Int(weight)) : String(weight)
        }
        out += "\t"
        for (index, step) in summary.steps.enumerated() {
            if index > 0 { out += "\u{1F}" }
            appendEscaped(step.action, to: &out)
            for parameter in step.parameters {
                out += "\u{1E}"
                appendEscaped(parameter, to: &out)
            }
        }
        out += "\t"
        out += String(document.length)
        out += summary.isInternal ? "\t1" : "\t0"
        return out
    }

    static func appendEscaped(_ text: String, to out: inout String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x5C && $0 != UInt8(ascii: "=") }) {
            out += text
        } else {
            out += escape(text)
        }
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 < 0x20 || $0 == UInt8(ascii: "=") }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "=": out += "\\e"
            case "\u{1E}": out += "\\R"
            case "\u{1F}": out += "\\U"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "e"): out.append(UInt8(ascii: "="))
                case UInt8(ascii: "R"): out.append(0x1E)
                case UInt8(ascii: "U"): out.append(0x1F)
                default: out.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
