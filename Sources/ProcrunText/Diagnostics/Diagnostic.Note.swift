extension Diagnostic {
    /// A remark attached to a diagnostic: where something related is (the quote that opened a
    /// string, the call that led to a file, an input's declaration) or what to do about it.
    ///
    /// A note with a position is printed as `path:line:col: note: message` with its own source line
    /// and caret; one without as `note: message`.
    public struct Note: Sendable, Hashable, ExpressibleByStringInterpolation {
        /// The remark, lower case.
        public var message: String
        /// The file it points into, if any.
        public var path: String?
        /// Where in that file, if anywhere.
        public var location: SourceLocation?

        /// A note, pointing at `location` in `path` when given.
        public init(_ message: String, path: String? = nil, at location: SourceLocation? = nil) {
            self.message = message
            self.path = path
            self.location = location
        }

        /// A note at a location in a file.
        public static func at(_ location: SourceLocation, in file: SourceFile, _ message: String) -> Note {
            Note(message, path: file.path, at: location)
        }

        /// A note with no position.
        public init(stringLiteral value: String) {
            self.init(value)
        }
    }
}
