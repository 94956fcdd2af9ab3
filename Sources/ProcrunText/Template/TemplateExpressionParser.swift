/// A recursive-descent parser for the expression grammar of grammar.md.
struct TemplateExpressionParser {
    private var lexer: TemplateLexer
    private var token: TemplateToken
    /// How the end of the expression is named in messages: `'}}'` in a template, else "end of text".
    private let endDescription: String

    init(scalars: [Unicode.Scalar], range: Range<Int>, endDescription: String) {
        lexer = TemplateLexer(scalars: scalars, position: range.lowerBound, limit: range.upperBound)
        token = lexer.next()
        self.endDescription = endDescription
    }

    /// Parses one whole expression; anything after it is an error.
    mutating func parseAll() throws(TemplateError) -> Expression {
        let expression = try parseConditional()
        if case .end = token.kind { return expression }
        try failOnInvalid()
        throw error(.expectedEnd(end: endDescription, found: describe(token)))
    }

    // MARK: - Tokens

    private mutating func advance() { token = lexer.next() }

    private func describe(_ token: TemplateToken) -> String {
        switch token.kind {
        case .end: return endDescription
        case .string: return "a string"
        default:
            return "'\(UnicodeScalarText.string(lexer.scalars[token.range]))'"
        }
    }

    private func error(_ problem: TemplateProblem) -> TemplateError {
        TemplateError(range: token.range, problem)
    }

    private func failOnInvalid() throws(TemplateError) {
        if case .invalid(let problem) = token.kind { throw error(problem) }
    }

    /// The end of the `symbol` that must come next; `missing` is the problem when it does not
    /// (given what came instead).
    private mutating func expectSymbol(_ symbol: String, _ missing: (String) -> TemplateProblem) throws(TemplateError) -> Int {
        guard token.isSymbol(symbol) else {
            try failOnInvalid()
            throw error(missing(describe(token)))
        }
        let end = token.range.upperBound
        advance()
        return end
    }

    // MARK: - Grammar

    /// `A if COND else B`, the lowest precedence; `B` may be another conditional.
    private mutating func parseConditional() throws(TemplateError) -> Expression {
        let chosen = try parseOr()
        guard token.isWord("if") else { return chosen }
        advance()
        let condition = try parseOr()
        guard token.isWord("else") else {
            try failOnInvalid()
            throw error(.expectedElse(found: describe(token)))
        }
        advance()
        let otherwise = try parseConditional()
        return Expression(
            range: chosen.range.lowerBound..<otherwise.range.upperBound,
            kind: .conditional(chosen, condition: condition, otherwise: otherwise))
    }

    private mutating func parseOr() throws(TemplateError) -> Expression {
        var left = try parseAnd()
        while token.isWord("or") {
            let operatorRange = token.range
            advance()
            let right = try parseAnd()
            left = Expression(
                range: left.range.lowerBound..<right.range.upperBound,
                kind: .binary(.or, left, right, operatorRange: operatorRange))
        }
        return left
    }

    private mutating func parseAnd() throws(TemplateError) -> Expression {
        var left = try parseNot()
        while token.isWord("and") {
            let operatorRange = token.range
            advance()
            let right = try parseNot()
            left = Expression(
                range: left.range.lowerBound..<right.range.upperBound,
                kind: .binary(.and, left, right, operatorRange: operatorRange))
        }
        return left
    }

    private mutating func parseNot() throws(TemplateError) -> Expression {
        guard token.isWord("not") else { return try parseComparison() }
        let start = token.range.lowerBound
        advance()
        let operand = try parseNot()
        return Expression(range: start..<operand.range.upperBound, kind: .not(operand))
    }

    private mutating func parseComparison() throws(TemplateError) -> Expression {
        let left = try parseFiltered()
        let op: Expression.BinaryOperator
        var operatorRange = token.range
        switch token.kind {
        case .symbol(let symbol):
            guard let known = Expression.BinaryOperator(rawValue: symbol), known != .or, known != .and else { return left }
            op = known
            advance()
        case .identifier("in"):
            op = .in
            advance()
        case .identifier("not"):
            advance()
            guard token.isWord("in") else {
                try failOnInvalid()
                throw error(.expectedInAfterNot(found: describe(token)))
            }
            operatorRange = operatorRange.lowerBound..<token.range.upperBound
            op = .notIn
            advance()
        default:
            return left
        }
        let right = try parseFiltered()
        return Expression(
            range: left.range.lowerBound..<right.range.upperBound,
            kind: .binary(op, left, right, operatorRange: operatorRange))
    }

    private mutating func parseFiltered() throws(TemplateError) -> Expression {
        var operand = try parsePrimary()
        while token.isSymbol("|") {
            advance()
            guard case .identifier(let name) = token.kind else {
                try failOnInvalid()
                throw error(.expectedFilterName(found: describe(token)))
            }
            let nameRange = token.range
            advance()
            var arguments: [Expression] = []
            var end = nameRange.upperBound
            if token.isSymbol("(") {
                advance()
                if !token.isSymbol(")") {
                    while true {
                        arguments.append(try parseConditional())
                        guard token.isSymbol(",") else { break }
                        advance()
                    }
                }
                end = try expectSymbol(")") { .unclosedArguments(filter: name, found: $0) }
            }
            let call = Expression.FilterCall(
                name: name, filter: TemplateFilter(rawValue: name), nameRange: nameRange,
                arguments: arguments, range: nameRange.lowerBound..<end)
            operand = Expression(range: operand.range.lowerBound..<end, kind: .filter(operand, call))
        }
        return operand
    }

    /// Whether `name` could be a keyword (`true`, `false`, `null`, `and`, `or`, `not`, `in`,
    /// `if`, `else`): by its length and first letter, so that most names (`inputs`, `steps`)
    /// are taken as paths without comparing them to each keyword.
    private static func mayBeKeyword(_ name: String) -> Bool {
        guard (2...5).contains(name.utf8.count), let first = name.utf8.first else { return false }
        return first == UInt8(ascii: "t") || first == UInt8(ascii: "f") || first == UInt8(ascii: "n") || first == UInt8(ascii: "a")
            || first == UInt8(ascii: "o") || first == UInt8(ascii: "i") || first == UInt8(ascii: "e")
    }

    private mutating func parsePrimary() throws(TemplateError) -> Expression {
        let range = token.range
        switch token.kind {
        case .string(let text):
            advance()
            return Expression(range: range, kind: .literal(.string(text)))
        case .integer(let number):
            advance()
            return Expression(range: range, kind: .literal(.integer(number)))
        case .number(let number):
            advance()
            return Expression(range: range, kind: .literal(.number(number)))
        case .identifier(let name) where !Self.mayBeKeyword(name):
            return try parsePath(root: name)
        case .identifier(let name):
            switch name {
            case "true", "false":
                advance()
                return Expression(range: range, kind: .literal(.boolean(name == "true")))
            case "null":
                advance()
                return Expression(range: range, kind: .literal(.null))
            case "and", "or", "not", "in", "if", "else":
                throw error(.expectedExpression(found: "'\(name)'"))
            default:
                return try parsePath(root: name)
            }
        case .symbol("("):
            advance()
            var inner = try parseConditional()
            let end = try expectSymbol(")") { .unclosedParenthesis(found: $0) }
            inner.range = range.lowerBound..<end
            guard token.isSymbol(".") || token.isSymbol("[") else { return inner }
            var path = Expression.Path(root: "(\(inner.description))", start: range.lowerBound, rootEnd: end, components: [], componentEnds: [])
            try parseComponents(of: &path)
            return Expression(range: range.lowerBound..<(path.componentEnds.last ?? end), kind: .member(inner, path))
        case .invalid(let problem):
            throw error(problem)
        default:
            throw error(.expectedExpression(found: describe(token)))
        }
    }

    private mutating func parsePath(root: String) throws(TemplateError) -> Expression {
        let start = token.range.lowerBound
        var path = Expression.Path(root: root, start: start, rootEnd: token.range.upperBound, components: [], componentEnds: [])
        advance()
        try parseComponents(of: &path)
        let end = path.componentEnds.last ?? path.rootEnd
        return Expression(range: start..<end, kind: .path(path))
    }

    /// Reads the `.name` and `[index]` components that follow a path's root.
    private mutating func parseComponents(of path: inout Expression.Path) throws(TemplateError) {
        while true {
            if token.isSymbol(".") {
                advance()
                guard case .identifier(let name) = token.kind else {
                    try failOnInvalid()
                    throw error(.expectedFieldName(found: describe(token)))
                }
                path.components.append(.field(name))
                path.componentEnds.append(token.range.upperBound)
                advance()
            } else if token.isSymbol("[") {
                advance()
                guard case .integer(let index) = token.kind else {
                    try failOnInvalid()
                    throw error(.expectedIndex(found: describe(token)))
                }
                advance()
                let end = try expectSymbol("]") { .unclosedIndex(found: $0) }
                path.components.append(.index(index))
                path.componentEnds.append(end)
            } else {
                break
            }
        }
    }
}
