/// A position in a source file: 1-based line and column (counted in Unicode scalars, as libyaml
/// counts them) and the 0-based byte offset from the start of the file.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int
    /// The 0-based byte offset in the file's bytes (a byte-order mark included).
    public var offset: Int

    /// Creates a location.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The location `count` Unicode scalars further on the same line.
    public func advanced(byColumns count: Int, bytes: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + count, offset: offset + bytes)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }
}
