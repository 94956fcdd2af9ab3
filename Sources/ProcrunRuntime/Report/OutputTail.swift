/// The last lines of a failed step's output, as a person reads them under its error: standard
/// output's tail, then standard error's, each labelled when both streams printed something.
package struct OutputTail: Sendable {
    /// The labelled parts: `stdout` and/or `stderr`, with their last lines.
    package var parts: [(stream: String, lines: [String])]

    /// The last `count` lines of each of `result`'s streams (none for an empty stream).
    package init(_ result: StepResult, lines count: Int) {
        parts = []
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] where !text.isEmpty {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).map(String.init)
            while lines.last?.isEmpty == true { lines.removeLast() }
            if !lines.isEmpty { parts.append((stream, lines)) }
        }
    }

    /// Whether neither stream printed anything.
    package var isEmpty: Bool { parts.isEmpty }

    /// Whether each part needs its stream named (both streams printed).
    package var labelled: Bool { parts.count > 1 }
}
