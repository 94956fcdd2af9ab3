import ProcrunText

extension SelfInvocation {
    /// Cuts what a child writes to its side channel into lines and hands each on as it arrives;
    /// a line not ended when the child exits is dropped. Fed by one thread at a time (the one
    /// waiting for the child).
    final class LineFeed: @unchecked Sendable {
        private var buffer = LineBuffer()
        private let take: @Sendable (String) -> Void

        /// A feed handing each line, without its newline, to `take`.
        init(_ take: @escaping @Sendable (String) -> Void) {
            self.take = take
        }

        /// Takes a chunk the child wrote.
        func feed(_ bytes: UnsafeRawBufferPointer) {
            buffer.append(ArraySlice(bytes))
            while let line = buffer.nextLine() { take(String(decoding: line, as: UTF8.self)) }
        }
    }
}
