extension Expression {
    /// A name such as `steps.build.outputs.files[0]`.
    package struct Path: Sendable, Hashable {
        /// One `.name` or `[index]` after the root.
        package enum Component: Sendable, Hashable {
            case field(String)
            case index(Int)
        }

        package var root: String
        var start: Int
        var rootEnd: Int
        package var components: [Component]
        /// The offset where each component ends, parallel to `components`.
        var componentEnds: [Int]

        /// The path as written, up to and including component `count - 1` (the root alone for 0).
        func text(components count: Int) -> String {
            var out = root
            for component in components.prefix(count) {
                switch component {
                case .field(let name):
                    out += "."
                    out += name
                case .index(let index):
                    out += "[\(index)]"
                }
            }
            return out
        }

        /// The whole path as written.
        package var text: String { text(components: components.count) }

        /// The range from the path's start to the end of component `count - 1`.
        func range(components count: Int) -> Range<Int> {
            start..<(count == 0 ? rootEnd : componentEnds[count - 1])
        }
    }
}
