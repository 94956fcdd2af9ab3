import Glibc

extension TemplateFilter {
    /// Applies the filter to `input`, whose type and arguments the caller has checked.
    func apply(to input: Value, arguments: [Value], call: Expression.FilterCall) throws(TemplateError) -> Value {
        let text: String
        if case .string(let string) = input { text = string } else { text = "" }
        switch self {
        case .default: return input
        case .raw: return input
        case .lower: return .string(text.lowercased())
        case .upper: return .string(text.uppercased())
        case .trim: return .string(TemplateText.trim(text))
        case .json, .toJSON: return .string(input.jsonText)
        case .fromJSON:
            do {
                return Value(json: try JSONParser.parse(text))
            } catch {
                throw TemplateError(range: call.nameRange, .notJSON(reason: error.message, column: error.column), quoted: " of \(Self.excerpt(text))")
            }
        case .quote, .shellQuote, .string:
            let rendered = try render(input, call: call)
            switch self {
            case .quote: return .string(ShellQuote.word(rendered))
            case .shellQuote: return .string(ShellQuote.singleQuoted(rendered))
            default: return .string(rendered)
            }
        case .length:
            switch input {
            case .list(let items): return .integer(items.count)
            case .mapping(let fields): return .integer(fields.count)
            default: return .integer(text.unicodeScalars.count)
            }
        case .join:
            return .string(try join(input, separator: stringArgument(arguments, 0) ?? " ", call: call))
        case .split:
            guard let separator = stringArgument(arguments, 0) else { return .list(TemplateText.splitOnWhitespace(text)) }
            guard !separator.isEmpty else { throw emptyArgument(call, 0, "separator") }
            return .list(TemplateText.split(text, separator: separator))
        case .replace:
            let old = stringArgument(arguments, 0) ?? ""
            guard !old.isEmpty else { throw emptyArgument(call, 0, "text to replace") }
            return .string(TemplateText.replace(text, old, with: stringArgument(arguments, 1) ?? ""))
        case .first, .last:
            guard case .list(let items) = input else { return .null }
            return (self == .first ? items.first : items.last) ?? .null
        case .lines: return .list(TemplateText.lines(text))
        case .match: return try match(text, pattern: stringArgument(arguments, 0) ?? "", call: call)
        case .int: return try integer(input, call: call)
        case .basename: return .string(TemplateText.basename(text))
        case .dirname: return .string(TemplateText.dirname(text))
        case .absolute: return .string(FileSystem.absolute(text))
        case .pathJoin: return .string(TemplateText.joinPath(text, stringArgument(arguments, 0) ?? ""))
        case .startswith: return .boolean(text.utf8.starts(with: (stringArgument(arguments, 0) ?? "").utf8))
        case .endswith: return .boolean(text.utf8.reversed().starts(with: (stringArgument(arguments, 0) ?? "").utf8.reversed()))
        }
    }

    private func stringArgument(_ arguments: [Value], _ index: Int) -> String? {
        guard arguments.indices.contains(index), case .string(let text) = arguments[index] else { return nil }
        return text
    }

    private func emptyArgument(_ call: Expression.FilterCall, _ index: Int, _ what: String) -> TemplateError {
        let range = call.arguments.indices.contains(index) ? call.arguments[index].range : call.range
        return TemplateError(range: range, .emptyArgument(filter: rawValue, what: what))
    }

    private func render(_ value: Value, call: Expression.FilterCall) throws(TemplateError) -> String {
        do {
            return try value.rendered()
        } catch {
            throw TemplateError(range: call.nameRange, .filterCannotRenderNull(filter: rawValue))
        }
    }

    private func join(_ input: Value, separator: String, call: Expression.FilterCall) throws(TemplateError) -> String {
        guard case .list(let items) = input else { return "" }
        var out = ""
        for (index, item) in items.enumerated() {
            if index > 0 { out += separator }
            if case .null = item {
                throw TemplateError(range: call.nameRange, .joinNullItem(index: index))
            }
            try item.appendRendered(to: &out)
        }
        return out
    }

    private func integer(_ input: Value, call: Expression.FilterCall) throws(TemplateError) -> Value {
        switch input {
        case .integer: return input
        case .number(let number):
            guard let whole = Int(exactly: number) else {
                throw TemplateError(range: call.nameRange, .notWholeNumber, quoted: ", found \(number.description)")
            }
            return .integer(whole)
        case .string(let text):
            guard let whole = Int(TemplateText.trim(text)) else {
                throw TemplateError(range: call.nameRange, .notIntegerText, quoted: ", found \(Value.string(text).jsonText)")
            }
            return .integer(whole)
        default:
            throw call.typeError(self, found: input.valueType)
        }
    }

    private func match(_ text: String, pattern: String, call: Expression.FilterCall) throws(TemplateError) -> Value {
        let regex: Regex<AnyRegexOutput>
        switch TemplateFilter.compile(pattern) {
        case .success(let compiled): regex = compiled
        case .failure(let error):
            throw TemplateError(range: call.arguments.first?.range ?? call.range, error)
        }
        guard let found = text.firstMatch(of: regex) else { return .null }
        let output = found.output
        let group = output.count > 1 ? output[1].substring : output[0].substring
        return group.map { .string(String($0)) } ?? .null
    }

    /// Compiles a `match` pattern, or says why it is invalid.
    static func compile(_ pattern: String) -> Result<Regex<AnyRegexOutput>, TemplateProblem> {
        do {
            return .success(try Regex(pattern))
        } catch {
            return .failure(.invalidPattern(pattern: pattern, reason: "\(error)"))
        }
    }
}

extension TemplateFilter {
    /// The text for a message: as JSON, its first 60 characters.
    static func excerpt(_ text: String) -> String {
        text.count > 60 ? Value.string(String(text.prefix(60))).jsonText + "…" : Value.string(text).jsonText
    }
}
