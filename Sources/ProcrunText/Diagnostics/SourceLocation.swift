/// A position in a source file: 1-based line and column (counted in Unicode scalars, as libyaml
/// counts them) and the 0-based byte offset from the start of the file.
///
/// Stored in 32 bits each (12 bytes, where three `Int`s would take 24): every YAML node carries two
/// locations, and procedure files are bounded far below 2 GiB (``YAMLLimits/maxBytes``).
public struct SourceLocation: Sendable, Hashable, Comparable {
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedOffset: Int32

    /// The 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.clamped(newValue) }
    }
    /// The 1-based column, in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.clamped(newValue) }
    }
    /// The 0-based byte offset in the file's bytes (a byte-order mark included).
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = Self.clamped(newValue) }
    }

    /// Creates a location.
    public init(line: Int, column: Int, offset: Int) {
        storedLine = Self.clamped(line)
        storedColumn = Self.clamped(column)
        storedOffset = Self.clamped(offset)
    }

    private static func clamped(_ value: Int) -> Int32 {
        Int32(clamping: value)
    }

    /// The location `count` Unicode scalars further on the same line.
    public func advanced(byColumns count: Int, bytes: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + count, offset: offset + bytes)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }
}
