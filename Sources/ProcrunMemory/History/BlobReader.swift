package import ProcrunText

/// Reads many blobs of a repository with one `git cat-file --batch` process, handing each to a
/// closure as it arrives, in the order asked, and keeping only the one being read: memory stays
/// bounded by the largest blob, however long the history.
package enum BlobReader {
    /// Calls `each` with the position in `blobs` and the bytes of each blob, in order; nil for a
    /// name git does not have (`missing`: a damaged repository, a partial clone).
    package static func read(_ blobs: [String], in root: String, each: @escaping (Int, ArraySlice<UInt8>?) -> Void) throws(Diagnostic) {
        guard !blobs.isEmpty else { return }
        var input: [UInt8] = []
        input.reserveCapacity(blobs.count * 41)
        for blob in blobs {
            input += blob.utf8
            input.append(0x0A)
        }
        let parser = BatchParser(each: each)
        try Git.stream(["cat-file", "--batch"], input: input, in: root) { chunk in parser.consume(chunk) }
    }
}

/// Splits `git cat-file --batch` output (`NAME TYPE SIZE\n` then SIZE bytes and `\n`, or
/// `NAME missing\n`) into blobs as chunks arrive.
///
/// `@unchecked Sendable`: the process runner calls ``consume(_:)`` on the thread that runs git,
/// one chunk after another, and nothing else touches the parser meanwhile.
private final class BatchParser: @unchecked Sendable {
    private let each: (Int, ArraySlice<UInt8>?) -> Void
    /// Bytes not yet consumed: a partial header or a partial blob.
    private var pending: [UInt8] = []
    /// The size of the blob being read, once its header is read.
    private var size: Int?
    /// The position of the next answer among the names asked.
    private var answer = 0

    init(each: @escaping (Int, ArraySlice<UInt8>?) -> Void) {
        self.each = each
    }

    func consume(_ chunk: UnsafeRawBufferPointer) {
        pending.append(contentsOf: chunk)
        var start = 0
        while true {
            if let size {
                // The blob and its closing newline.
                guard pending.count - start >= size + 1 else { break }
                each(answer, pending[start..<(start + size)])
                answer += 1
                start += size + 1
                self.size = nil
            } else {
                guard let end = pending[start...].firstIndex(of: 0x0A) else { break }
                let header = pending[start..<end].split(separator: 0x20)
                start = end + 1
                if header.count == 3, let length = Int(String(decoding: header[2], as: UTF8.self)) {
                    size = length
                } else {
                    // `NAME missing` (or anything unexpected): no content follows.
                    each(answer, nil)
                    answer += 1
                }
            }
        }
        if start > 0 { pending.removeFirst(start) }
    }
}
