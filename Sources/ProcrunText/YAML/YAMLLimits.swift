/// The bounds procrun puts on a YAML file before and while reading it.
package struct YAMLLimits: Sendable {
    /// The largest file accepted, in bytes.
    package var maxBytes = SourceFile.largestFile
    /// The deepest nesting of mappings and sequences.
    package var maxDepth = 64
    /// The most nodes that aliases may bring into a document, once expanded. Nodes written out are
    /// bounded by `maxBytes` instead.
    package var maxNodes = 100_000

    /// The limits grammar.md documents.
    package static let standard = YAMLLimits()

    /// Creates the standard limits.
    package init() {}
}
