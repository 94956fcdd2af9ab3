/// A parsed template: literal text and `{{ expression }}` parts.
package struct Template: Sendable, Hashable {
    /// One piece of a template.
    package enum Part: Sendable, Hashable {
        /// Text written as is.
        case text(String)
        /// An expression; `range` covers `{{` to `}}` inclusive.
        case expression(Expression, range: Range<Int>)
    }

    /// The text the template was parsed from.
    package var source: String
    /// The pieces of a template with expressions; empty for a literal one, whose one piece is
    /// `source` (most templates are literal command lines, and this saves each an allocation).
    private(set) var parsedParts: [Part]
    /// Whether the template has no expressions: rendering returns the text.
    package var isLiteral: Bool

    /// The pieces in order; empty for an empty template.
    package var parts: [Part] {
        isLiteral ? (source.isEmpty ? [] : [.text(source)]) : parsedParts
    }

    /// A template that is `text` literally, never parsed for `{{`.
    package init(literal text: String) {
        self.init(source: text, parts: [], isLiteral: true)
    }

    init(source: String, parts: [Part], isLiteral: Bool) {
        self.source = source
        self.parsedParts = parts
        self.isLiteral = isLiteral
    }

    /// The expressions in order.
    package var expressions: [Expression] {
        parsedParts.compactMap { part in
            if case .expression(let expression, _) = part { return expression }
            return nil
        }
    }
}
