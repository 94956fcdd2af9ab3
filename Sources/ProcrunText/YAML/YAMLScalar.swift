/// A scalar's decoded text and the style it was written in.
@usableFromInline package struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written.
    package enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The decoded text.
    package var text: String
    /// How it was written.
    package var style: Style
    /// The explicit core-schema tag, if one was written. (A one-byte enumeration rather than the
    /// tag's text: every node of every loaded document carries it, almost always empty.)
    package var coreTag: CoreTag?

    /// Creates a scalar.
    package init(text: String, style: Style, coreTag: CoreTag? = nil) {
        self.text = text
        self.style = style
        self.coreTag = coreTag
    }

    /// The explicit core-schema tag's short name (`str`, `int`, ...), if one was written.
    package var tag: String? { coreTag?.rawValue }

    /// Whether the scalar may be read as a value of the type `tag` names where the language
    /// expects one: it carries that tag (whose fit the parser has checked), or it is plain and
    /// untagged, so that its text decides. A quoted or block scalar, or one tagged `!!str` or `!`,
    /// is text.
    package func isReadable(as tag: CoreTag) -> Bool {
        coreTag == nil ? style == .plain : coreTag == tag
    }

    /// True for a plain `~`, `null`, `Null`, `NULL` or empty scalar (or an explicit `!!null`).
    package var isNull: Bool {
        if coreTag == .null { return true }
        guard style == .plain, coreTag == nil else { return false }
        // By length first: most texts are none of these, and each comparison that fails costs a call.
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }
}
