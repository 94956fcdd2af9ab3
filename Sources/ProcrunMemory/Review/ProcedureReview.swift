import ProcrunText

/// What a change to one procedure file means for a reviewer: its authored changes in words, and
/// what its record says now that it did not before. Made from the file's two versions (either may
/// be absent: the file was added or removed); a version that does not read is reported in
/// ``problems``, never skipped.
package struct ProcedureReview: Sendable {
    /// How the file changed.
    package enum Status: String, Sendable {
        /// Only in the new version.
        case added
        /// Only in the old version.
        case removed
        /// In both.
        case modified
    }

    /// The file's path (relative to the repository's top folder).
    package var path: String
    /// How the file changed.
    package var status: Status
    /// A version that does not read: its side (`base` or `head`) and the diagnostic's first line.
    package var problems: [(side: String, message: String)] = []
    /// The authored changes (nil when a side does not read).
    package var authored: Authored?
    /// The record's changes (nil when a side does not read, or the file was removed).
    package var record: Record?

    /// Compares the two versions' bytes (nil: the file is absent on that side).
    package init(path: String, base: [UInt8]?, head: [UInt8]?) {
        self.path = path
        status = base == nil ? .added : head == nil ? .removed : .modified
        var documents: [StatsDocument?] = []
        for (side, bytes) in [("base", base), ("head", head)] {
            guard let bytes else {
                documents.append(nil)
                continue
            }
            do {
                documents.append(try StatsDocument(file: SourceFile(path: path, bytes: bytes)))
            } catch {
                documents.append(nil)
                let text = DiagnosticRenderer().render(error)
                problems.append((side, String(text.split(separator: "\n").first ?? "")))
            }
        }
        guard problems.isEmpty else { return }
        authored = Authored(base: documents[0], head: documents[1])
        record = documents[1].map { Record(base: documents[0], head: $0) }
    }

    /// Whether either version is a procedure (a mapping with `steps`), or a version does not read.
    package static func concerns(base: [UInt8]?, head: [UInt8]?, path: String) -> Bool {
        for bytes in [base, head] {
            guard let bytes else { continue }
            guard let root = try? YAMLParser(file: SourceFile(path: path, bytes: bytes)).parse() else { return true }
            if root["steps"] != nil { return true }
        }
        return false
    }

    /// How a review names a step: its id, or `#N` (its position on the side it is found on).
    static func label(_ item: YAMLNode, number: Int) -> String {
        item["id"]?.scalar?.text ?? "#\(number)"
    }
}
