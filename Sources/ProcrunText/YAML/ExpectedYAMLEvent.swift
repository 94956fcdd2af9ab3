/// One event a piece of YAML procrun wrote itself must read back as: what
/// ``YAMLParser/parse(expecting:atTopLevelKey:)`` compares a re-read block against, event by event,
/// instead of building nodes for it.
///
/// Every scalar carries no tag and no anchor; every mapping is block style unless it is expected
/// as ``flowMappingStart``.
package enum ExpectedYAMLEvent: Sendable, Hashable {
    /// A block mapping starts.
    case mappingStart
    /// A flow mapping (`{...}`) starts.
    case flowMappingStart
    /// The innermost mapping ends.
    case mappingEnd
    /// A plain scalar with exactly this text.
    case plain(String)
    /// A plain scalar of decimal digits with this value (no sign, no leading zero).
    case integer(Int)
    /// A double-quoted scalar whose decoded text is exactly this.
    case doubleQuoted(String)
}
