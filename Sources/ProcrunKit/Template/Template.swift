/// A parsed template: literal text and `{{ expression }}` parts.
public struct Template: Sendable, Hashable {
    /// One piece of a template.
    public enum Part: Sendable, Hashable {
        /// Text written as is.
        case text(String)
        /// An expression; `range` covers `{{` to `}}` inclusive.
        case expression(Expression, range: Range<Int>)
    }

    /// The text the template was parsed from.
    public var source: String
    /// The pieces in order; empty for an empty template.
    public var parts: [Part]
    /// Whether the template has no expressions: rendering returns the text.
    public var isLiteral: Bool

    /// A template that is `text` literally, never parsed for `{{`.
    public init(literal text: String) {
        self.init(source: text, parts: text.isEmpty ? [] : [.text(text)], isLiteral: true)
    }

    init(source: String, parts: [Part], isLiteral: Bool) {
        self.source = source
        self.parts = parts
        self.isLiteral = isLiteral
    }

    /// The expressions in order.
    public var expressions: [Expression] {
        parts.compactMap { part in
            if case .expression(let expression, _) = part { return expression }
            return nil
        }
    }
}
