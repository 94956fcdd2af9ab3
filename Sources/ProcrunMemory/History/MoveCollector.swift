/// Collects the renames `git diff-tree --stdin -z --raw --diff-filter=R` prints (a `COMMIT\0`
/// line, then `:MODE MODE OLD NEW R100\0OLD-PATH\0NEW-PATH\0` entries) whose new path lies under a
/// folder, as chunks arrive.
///
/// `@unchecked Sendable`: the process runner calls ``consume(_:)`` on the thread that runs git,
/// one chunk after another, and nothing else touches it meanwhile.
final class MoveCollector: @unchecked Sendable {
    private let prefix: String
    private var pending: [UInt8] = []
    private var fields: [String] = []
    private var moves: [String: [String: (path: String, blob: String)]] = [:]
    private var commit = ""

    /// A collector of the moves into `prefix` (`procedures/`, or "" for the whole repository).
    init(prefix: String) {
        self.prefix = prefix
    }

    /// Takes the next chunk of git's output.
    func consume(_ chunk: UnsafeRawBufferPointer) {
        pending.append(contentsOf: chunk)
        var start = 0
        while let end = pending[start...].firstIndex(of: 0) {
            take(String(decoding: pending[start..<end], as: UTF8.self))
            start = end + 1
        }
        pending.removeFirst(start)
    }

    /// The moves found: by commit, the new path's old path and old blob.
    func finish() -> [String: [String: (path: String, blob: String)]] {
        moves
    }

    /// One NUL-terminated field: a commit line, an entry's header, or one of its two paths.
    private func take(_ field: String) {
        if fields.isEmpty, !field.hasPrefix(":") {
            commit = field.filter { $0 != "\n" }
            return
        }
        fields.append(field)
        guard fields.count == 3 else { return }
        let words = fields[0].split(separator: " ")
        if words.count == 5, fields[2].hasPrefix(prefix), !fields[1].hasPrefix(prefix) {
            moves[commit, default: [:]][fields[2]] = (fields[1], String(words[2]))
        }
        fields = []
    }
}
