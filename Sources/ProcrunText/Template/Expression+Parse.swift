extension Expression {
    /// Parses a bare expression; error ranges count Unicode scalars from the start of `source`.
    package static func parse(_ source: String) throws(TemplateError) -> Expression {
        let scalars = UnicodeScalarText.scalars(of: source)
        return try parse(scalars, range: 0..<scalars.count, endDescription: "end of text")
    }

    /// Parses a `when` condition: a bare expression, or a single `{{ expression }}` with nothing
    /// but white space around it. Ranges count from the start of `source` in both forms.
    package static func parseCondition(_ source: String) throws(TemplateError) -> Expression {
        let trimmed = source.unicodeScalars.drop(while: { $0.isWhitespace })
        guard trimmed.starts(with: "{{".unicodeScalars) else { return try parse(source) }
        let template = try Template(parsing: source)
        var found: Expression?
        for part in template.parts {
            switch part {
            case .text(let text) where text.unicodeScalars.allSatisfy({ $0.isWhitespace }):
                continue
            case .expression(let expression, _) where found == nil:
                found = expression
            case .text, .expression(_, _):
                let range = 0..<source.unicodeScalars.count
                throw TemplateError(range: range, .notBareExpression)
            }
        }
        guard let found else {
            throw TemplateError(range: 0..<0, .emptyCondition)
        }
        return found
    }

    static func parse(_ scalars: [Unicode.Scalar], range: Range<Int>, endDescription: String) throws(TemplateError) -> Expression {
        var parser = TemplateExpressionParser(scalars: scalars, range: range, endDescription: endDescription)
        return try parser.parseAll()
    }
}
