/// What was kept of one output stream: all of it, or its head and tail around a marker.
package struct CapturedOutput: Sendable, Hashable {
    /// The kept bytes; when `truncated`, head + `"\n[... N bytes omitted ...]\n"` + tail.
    package var bytes: [UInt8]
    /// How many bytes the stream carried in all, kept or not.
    package var totalBytes: Int
    /// Whether bytes were left out because the stream exceeded the output limit.
    package var truncated: Bool

    /// Creates a captured output from its parts.
    package init(bytes: [UInt8] = [], totalBytes: Int = 0, truncated: Bool = false) {
        self.bytes = bytes
        self.totalBytes = totalBytes
        self.truncated = truncated
    }

    /// The kept bytes decoded as UTF-8, invalid sequences replaced by U+FFFD.
    package var text: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
