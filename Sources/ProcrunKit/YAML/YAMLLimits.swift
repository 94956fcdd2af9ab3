/// The bounds procrun puts on a YAML file before and while reading it.
public struct YAMLLimits: Sendable {
    /// The largest file accepted, in bytes.
    public var maxBytes = 8 << 20
    /// The deepest nesting of mappings and sequences.
    public var maxDepth = 64
    /// The most nodes a document may hold once every alias is expanded.
    public var maxNodes = 100_000

    /// The limits grammar.md documents.
    public static let standard = YAMLLimits()

    /// Creates the standard limits.
    public init() {}
}
