/// Splits expression text into tokens. It never throws: bad text becomes an `.invalid` token so
/// that the parser reports problems in the order they are written.
struct TemplateLexer {
    let scalars: [Unicode.Scalar]
    var position: Int
    /// Where the expression ends (the `}}` inside a template, the end of the text alone).
    let limit: Int

    mutating func next() -> TemplateToken {
        while position < limit, scalars[position].isWhitespace { position += 1 }
        let start = position
        guard position < limit else { return TemplateToken(kind: .end, range: start..<start) }
        let scalar = scalars[position]
        if TemplateLexer.isIdentifierStart(scalar) { return identifier() }
        if TemplateLexer.isDigit(scalar) { return numberLiteral() }
        if scalar == "-", position + 1 < limit, TemplateLexer.isDigit(scalars[position + 1]) { return numberLiteral() }
        if scalar == "'" || scalar == "\"" { return stringLiteral() }
        return symbol()
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A : scalar.properties.isAlphabetic)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private func text(_ range: Range<Int>) -> String {
        UnicodeScalarText.string(scalars[range])
    }

    private mutating func identifier() -> TemplateToken {
        let start = position
        position += 1
        while position < limit {
            let scalar = scalars[position]
            guard TemplateLexer.isIdentifierStart(scalar) || TemplateLexer.isDigit(scalar) || scalar == "-" else { break }
            position += 1
        }
        return TemplateToken(kind: .identifier(text(start..<position)), range: start..<position)
    }

    private mutating func numberLiteral() -> TemplateToken {
        let start = position
        if scalars[position] == "-" { position += 1 }
        skipDigits()
        var isInteger = true
        if position + 1 < limit, scalars[position] == ".", TemplateLexer.isDigit(scalars[position + 1]) {
            isInteger = false
            position += 1
            skipDigits()
        }
        if position < limit, scalars[position] == "e" || scalars[position] == "E" {
            var next = position + 1
            if next < limit, scalars[next] == "+" || scalars[next] == "-" { next += 1 }
            if next < limit, TemplateLexer.isDigit(scalars[next]) {
                isInteger = false
                position = next
                skipDigits()
            }
        }
        let range = start..<position
        let literal = text(range)
        if isInteger {
            guard let value = Int(literal) else {
                return TemplateToken(kind: .invalid(.integerTooLarge(literal: literal)), range: range)
            }
            return TemplateToken(kind: .integer(value), range: range)
        }
        guard let value = Double(literal), value.isFinite else {
            return TemplateToken(kind: .invalid(.numberOutOfRange(literal: literal)), range: range)
        }
        return TemplateToken(kind: .number(value), range: range)
    }

    private mutating func skipDigits() {
        while position < limit, TemplateLexer.isDigit(scalars[position]) { position += 1 }
    }

    /// A quoted string. Escapes: `\\ \' \" \n \t`; any other backslash is kept as written, so that
    /// regular expressions such as `'\d+'` need no doubling.
    private mutating func stringLiteral() -> TemplateToken {
        let start = position
        let quote = scalars[position]
        position += 1
        var value = ""
        while position < limit {
            let scalar = scalars[position]
            if scalar == quote {
                position += 1
                return TemplateToken(kind: .string(value), range: start..<position)
            }
            if scalar == "\\", position + 1 < limit {
                let escaped = scalars[position + 1]
                switch escaped {
                case "\\", "'", "\"": value.unicodeScalars.append(escaped)
                case "n": value += "\n"
                case "t": value += "\t"
                default:
                    value.unicodeScalars.append(scalar)
                    value.unicodeScalars.append(escaped)
                }
                position += 2
                continue
            }
            value.unicodeScalars.append(scalar)
            position += 1
        }
        return TemplateToken(kind: .invalid(.unterminatedString(quote: quote)), range: start..<limit)
    }

    private mutating func symbol() -> TemplateToken {
        let start = position
        let scalar = scalars[position]
        let next: Unicode.Scalar? = position + 1 < limit ? scalars[position + 1] : nil
        func token(_ text: String, length: Int) -> TemplateToken {
            position += length
            return TemplateToken(kind: .symbol(text), range: start..<position)
        }
        func invalid(_ problem: TemplateProblem, length: Int = 1) -> TemplateToken {
            position += length
            return TemplateToken(kind: .invalid(problem), range: start..<position)
        }
        switch scalar {
        case "=": return next == "=" ? token("==", length: 2) : invalid(.unexpectedCharacter("="))
        case "!": return next == "=" ? token("!=", length: 2) : invalid(.unexpectedCharacter("!"))
        case "<": return next == "=" ? token("<=", length: 2) : token("<", length: 1)
        case ">": return next == "=" ? token(">=", length: 2) : token(">", length: 1)
        case "}": return next == "}" ? token("}}", length: 2) : invalid(.unexpectedCharacter("}"))
        case "|": return next == "|" ? invalid(.unexpectedOperator("||"), length: 2) : token("|", length: 1)
        case "&": return next == "&" ? invalid(.unexpectedOperator("&&"), length: 2) : invalid(.unexpectedCharacter("&"))
        case "(", ")", ",", ".", "[", "]": return token(String(scalar), length: 1)
        default:
            var shown = ""
            shown.unicodeScalars.append(scalar)
            return invalid(.unexpectedCharacter(String(shown.debugDescription.dropFirst().dropLast())))
        }
    }
}
