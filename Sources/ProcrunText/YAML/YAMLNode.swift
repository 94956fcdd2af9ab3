/// A node of a parsed YAML document, with where it stands in the file.
///
/// Scalars keep their text exactly as libyaml decoded it: procrun never resolves `yes` or `0755`
/// into booleans or numbers; the language layer reads a scalar as a type only where it expects one.
@usableFromInline package struct YAMLNode: Sendable {
    /// What the node holds.
    @usableFromInline package enum Content: Sendable {
        /// A scalar: its text and how it was written.
        case scalar(YAMLScalar)
        /// A mapping: its pairs in file order (keys are unique strings).
        case mapping([YAMLPair])
        /// A sequence: its items in order.
        case sequence([YAMLNode])
    }

    /// What the node holds.
    @usableFromInline package var content: Content
    /// Where the node starts (its first character; for a quoted scalar, the opening quote).
    package var start: SourceLocation
    /// Where the node ends (just past its last character).
    package var end: SourceLocation
    /// True when the mapping or sequence was written in flow style (`{...}` or `[...]`).
    package var isFlow: Bool

    /// Creates a node.
    package init(_ content: Content, start: SourceLocation, end: SourceLocation, isFlow: Bool = false) {
        self.content = content
        self.start = start
        self.end = end
        self.isFlow = isFlow
    }

    /// The scalar, if this node is one.
    @inlinable package var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The pairs, if this node is a mapping.
    @inlinable package var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items, if this node is a sequence.
    @inlinable package var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value for `key`, if this node is a mapping holding it.
    @inlinable package subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key == key }?.value
    }

    /// A short name for the node's kind, for messages: "a string", "a mapping", "a list".
    package var kindDescription: String {
        switch content {
        case .scalar(let scalar): scalar.isNull ? "nothing (null)" : "the string '\(scalar.text.excerpt(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

extension String {
    /// The string cut to `limit` characters with an ellipsis, newlines shown as `\n`.
    package func excerpt(_ limit: Int) -> String {
        let flat = replacingOccurrences("\n", with: "\\n")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit)) + "…"
    }

    /// Every occurrence of `target` replaced (the standard library's own, without Foundation).
    package func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
