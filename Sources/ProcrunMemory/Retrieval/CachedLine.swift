import ProcrunText

/// One document's line in the ``IndexCache`` file, with its fields located but not yet decoded.
struct CachedLine: Sendable {
    /// The line's bytes (a slice of the whole cache file).
    let bytes: ArraySlice<UInt8>
    /// Where each tab-separated field is.
    let fields: [Range<Int>]

    /// The number of fields a line has.
    static let fieldCount = 18
    static let listSeparator: UInt8 = 0x1F
    static let partSeparator: UInt8 = 0x1E

    /// Locates the fields of a line; nil when it does not have the right number.
    init?(_ bytes: ArraySlice<UInt8>) {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(Self.fieldCount)
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\t") {
                fields.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        fields.append(start..<bytes.endIndex)
        guard fields.count == Self.fieldCount else { return nil }
        self.bytes = bytes
        self.fields = fields
    }

    func field(_ index: Int) -> ArraySlice<UInt8> { bytes[fields[index]] }
    func text(_ index: Int) -> String { IndexCache.unescape(field(index)) }
    func integer(_ index: Int) -> Int? { Int(String(decoding: field(index), as: UTF8.self)) }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The document's length (``IndexedDocument/length``).
    var length: Double { Double(String(decoding: field(16), as: UTF8.self)) ?? 0 }

    /// Whether the procedure is internal (the last field, `1` or `0`).
    var isInternal: Bool { field(17).elementsEqual("1".utf8) }

    /// The status recorded for the file.
    var status: FileStatus? {
        guard let size = integer(1), let modified = integer(2), let changed = integer(3), let inode = UInt64(String(decoding: field(4), as: UTF8.self))
        else { return nil }
        return FileStatus(size: size, modified: modified, changed: changed, inode: inode, isDirectory: false, isRegularFile: true)
    }

    /// Calls `body` with each term's bytes (escaped) and its weight's bytes.
    func forEachTerm(_ body: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Void) {
        let list = field(14)
        var start = list.startIndex
        var equals = -1
        var index = list.startIndex
        while index <= list.endIndex {
            if index == list.endIndex || list[index] == Self.listSeparator {
                if equals > start { body(list[start..<equals], list[(equals + 1)..<index]) }
                start = index + 1
                equals = -1
            } else if list[index] == UInt8(ascii: "=") {
                equals = index
            }
            index += 1
        }
    }

    /// Every term and weight.
    func terms() -> [String: Double] {
        var terms: [String: Double] = [:]
        forEachTerm { term, weight in terms[IndexCache.unescape(term)] = Double(String(decoding: weight, as: UTF8.self)) ?? 0 }
        return terms
    }

    /// The query's terms as cache lines write them (``Wanted``).
    static func encoded(_ queryTerms: [String]) -> Wanted {
        Wanted(queryTerms)
    }

    /// The weights of the given terms (encoded by ``encoded(_:)``), scanning the line once; empty
    /// when the line holds none of them (most lines, for most tasks).
    func frequencies(ofEncoded wanted: Wanted) -> [Double] {
        var result: [Double] = []
        forEachTerm { term, weight in
            guard let first = term.first else { return }
            for position in wanted.byFirstByte[Int(first)] where wanted.terms[position].count == term.count && wanted.terms[position].elementsEqual(term) {
                if result.isEmpty { result = [Double](repeating: 0, count: wanted.terms.count) }
                result[position] = Double(String(decoding: weight, as: UTF8.self)) ?? 0
            }
        }
        return result
    }

    /// The summary the line holds.
    func summary(path: String) -> ProcedureSummary {
        var summary = ProcedureSummary(path: path, name: text(5))
        summary.description = text(6)
        summary.tags = field(7).isEmpty ? [] : field(7).split(separator: Self.listSeparator, omittingEmptySubsequences: false).map(IndexCache.unescape)
        summary.version = integer(8) ?? 1
        summary.runs = integer(9) ?? 0
        summary.successes = integer(10) ?? 0
        summary.successRate = Double(String(decoding: field(11), as: UTF8.self))
        summary.averageDurationMilliseconds = integer(12)
        summary.supersededBy = field(13).elementsEqual("-".utf8) ? nil : text(13)
        summary.isInternal = isInternal
        summary.steps = field(15).isEmpty ? [] : field(15).split(separator: Self.listSeparator, omittingEmptySubsequences: false).map { step in
            let parts = step.split(separator: Self.partSeparator, omittingEmptySubsequences: false).map(IndexCache.unescape)
            return ProcedureSummary.StepSummary(action: parts.first ?? "", parameters: Array(parts.dropFirst()))
        }
        return summary
    }
}
