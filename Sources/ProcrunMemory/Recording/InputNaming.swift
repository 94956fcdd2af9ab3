package import ProcrunText

/// Names and types the inputs a recording's differing values become, as a person would: after the
/// parameter it is in (an action's `tag`), the flag or the variable the value is given to (`--replicas 2` → `replicas`, `VERSION=1.2.0` →
/// `version`), else after the value's shape (a version, a date, a ticket, an environment's name),
/// else after the word before it (`home/alice` → `home`), else `value`. A value keeps its text:
/// only whole numbers written plainly are integers, so `1.10` stays `1.10`.
package enum InputNaming {
    /// Names of environments, which name their input `environment`.
    static let environments: Set<String> = ["staging", "production", "prod", "stage", "qa", "dev", "development", "test", "testing", "uat", "preprod", "sandbox", "local"]

    /// Parameters whose name says nothing of the values in them: a command line, a path, a text.
    package static let genericParameters: Set<String> = ["command", "path", "content", "cwd", "stdin", "url", "message", "text", "body", "args", "arguments"]

    /// The name for a value seen as `values` (one per recording), standing at `contexts` (a text
    /// and the value's range in it), in `parameter` when that parameter's name says what it holds
    /// (an action's `tag`, not a `command`); made unique in `names` (and added to them).
    package static func name(values: [String], contexts: [([Character], Range<Int>)], parameter: String? = nil, names: inout Set<String>) -> String {
        var fromFlag: String?, fromWord: String?
        for (characters, range) in contexts {
            if fromFlag == nil { fromFlag = flag(before: range.lowerBound, in: characters) }
            if fromWord == nil { fromWord = word(before: range.lowerBound, in: characters) }
        }
        return StepNamer.unique(parameter.map(identifier) ?? fromFlag ?? shape(values) ?? fromWord ?? "value", in: &names)
    }

    /// The input's type from the values seen: `integer` when each is a whole number written plainly
    /// (no sign but `-`, no leading zero), `boolean` when each is `true` or `false`, else `string`.
    package static func type(_ values: [String]) -> String {
        if values.allSatisfy(isPlainInteger) { return "integer" }
        if values.allSatisfy({ $0 == "true" || $0 == "false" }) { return "boolean" }
        return "string"
    }

    /// Whether `text` is a whole number written plainly.
    static func isPlainInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return digits == "0" || digits.first != "0"
    }

    /// The name the value's shape gives, if any.
    static func shape(_ values: [String]) -> String? {
        func all(_ test: (String) -> Bool) -> Bool { values.allSatisfy(test) }
        if all(isVersion) { return "version" }
        if all(isDate) { return "date" }
        if all(isTicket) { return "ticket" }
        if all({ environments.contains($0.lowercased()) }) { return "environment" }
        return nil
    }

    /// Whether `text` is a version: groups of digits joined by dots, at least two, maybe after a
    /// `v` (`1.4.2`, `v1.4`); what the recorders (several logs, the prompt's offer) take for one.
    static func isVersion(_ text: String) -> Bool {
        let body = text.first == "v" || text.first == "V" ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts[0].count == 4 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func isTicket(_ text: String) -> Bool {
        guard let dash = text.firstIndex(of: "-") else { return false }
        let (key, number) = (text[..<dash], text[text.index(after: dash)...])
        return key.count >= 2 && key.allSatisfy { $0.isASCII && $0.isUppercase } && !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The long flag (`--replicas 2`, `--replicas=2`) or variable (`VERSION=1.2.0`) the value at
    /// `start` is given to, as an input name.
    static func flag(before start: Int, in characters: [Character]) -> String? {
        var end = start
        // A quoted value: `--env "qa"`, `RELEASE='1.3.0'`.
        if end > 0, characters[end - 1] == "\"" || characters[end - 1] == "'" { end -= 1 }
        if end > 0, characters[end - 1] == "=" {
            end -= 1
        } else if end > 0, characters[end - 1] == " " {
            end -= 1
            guard end >= 3 else { return nil }
        } else {
            return nil
        }
        var begin = end
        while begin > 0, TextTokens.isWordCharacter(characters[begin - 1]) || characters[begin - 1] == "-" { begin -= 1 }
        var word = String(characters[begin..<end])
        let isLong = word.hasPrefix("--")
        if isLong { word.removeFirst(2) }
        if word.hasPrefix("-") { return nil }
        // `KEY=value` names a variable; `word value` only when the word is a long flag.
        guard isLong || (characters[end] == "=" && word.count > 1 && word.first?.isLetter == true) else { return nil }
        let name = identifier(word.lowercased())
        return name.count > 1 ? name : nil
    }

    /// The last word before the value, across at most four signs (`home/alice` → `home`,
    /// `"name": "alice"` → `name`), as an input name.
    static func word(before start: Int, in characters: [Character]) -> String? {
        var index = start
        var separators = 0
        while index > 0 {
            let character = characters[index - 1]
            if character == "\n" || character == ";" || character == "|" || character == "&" { return nil }
            if TextTokens.isWordCharacter(character) {
                var begin = index - 1
                while begin > 0, TextTokens.isWordCharacter(characters[begin - 1]) { begin -= 1 }
                let word = String(characters[begin..<index])
                guard word.first?.isLetter == true, word.count > 1 else { return nil }
                return identifier(word.lowercased())
            }
            separators += 1
            if separators > 4 { return nil }
            index -= 1
        }
        return nil
    }

    /// An input for a parameter whose whole value is a number or a boolean that differed between
    /// recordings (an action's `replicas: 3`); nil for text, structures and nulls.
    package static func wholeValue(_ parameter: String, _ values: [JSONValue], names: inout Set<String>) -> LearnedInput? {
        var texts: [String] = []
        for value in values {
            switch value {
            case .number(_, let text): texts.append(text)
            case .boolean(let flag): texts.append(flag ? "true" : "false")
            default: return nil
            }
        }
        let type = type(texts) == "string" ? "number" : type(texts)
        return LearnedInput(
            name: StepNamer.unique(identifier(parameter), in: &names), type: type, defaultValue: texts[texts.count - 1],
            description: "learned from \(values.count) recordings; values seen: \(distinct(texts).joined(separator: ", "))")
    }

    /// `texts` without repeats, in order.
    package static func distinct(_ texts: [String]) -> [String] {
        var seen: [String] = []
        for text in texts where !seen.contains(text) { seen.append(text) }
        return seen
    }

    /// A name as an identifier: letters, digits, `_` and `-`, starting with a letter.
    package static func identifier(_ name: String) -> String {
        let cleaned = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) || $0 == "_" ? $0 : "_" })
        return cleaned.first.map { $0.isASCII && $0.isLetter } == true ? cleaned : "input_" + cleaned
    }

}
