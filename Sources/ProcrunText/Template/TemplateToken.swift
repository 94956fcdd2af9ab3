/// One token of an expression.
struct TemplateToken: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case integer(Int)
        case number(Double)
        case string(String)
        /// An operator or punctuation: `==`, `|`, `(`, `[`, `.`, `}}`, ...
        case symbol(String)
        case end
        /// Text that is no token, and why (boxed: a problem is several words wide, and every
        /// token is copied as the parser advances).
        indirect case invalid(TemplateProblem)
    }

    var kind: Kind
    var range: Range<Int>

    /// Whether the token is the identifier `word` (keywords are identifiers to the lexer).
    func isWord(_ word: String) -> Bool {
        if case .identifier(let name) = kind { return name.utf8.count == word.utf8.count && name == word }
        return false
    }

    /// Whether the token is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let text) = kind { return text == symbol }
        return false
    }
}
