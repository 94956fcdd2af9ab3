package import ProcrunText

/// Turns `--set NAME=VALUE` texts (or a caller's values) into a procedure's typed inputs,
/// refusing unknown names, wrong types, values not allowed and missing required inputs.
package enum InputBinder {
    /// The inputs for a run: typed `values` (a JSON object from an agent or `--inputs`) and
    /// command-line `texts` (`--set NAME=VALUE`, which win over values of the same name). A value
    /// of the input's type is taken as it is (an integer for a number too, so a JSON list stays a
    /// list); a text, or a string value for an input of another type, is read as the input's type.
    /// Unknown names, wrong types, values not allowed, missing required inputs and inputs left
    /// null that a step or an output reads where a value is needed are refused, every problem at once.
    /// A problem with a text speaks of `--set`, one with a value in JSON's terms; `source` says where
    /// the inputs came from, for the problems of an input given nothing (missing, null).
    package static func bind(
        _ texts: [(name: String, text: String)], values given: [String: Value] = [:], to procedure: Procedure, source: Source = .commandLine
    ) throws(DiagnosticsError) -> [String: Value] {
        var values: [String: Value] = [:]
        var problems: [Diagnostic] = []
        var refused: Set<String> = []
        let declared = procedure.inputs.map(\.name)
        func input(_ name: String, from source: Source) -> InputSpec? {
            if let input = procedure.inputs.first(where: { $0.name == name }) { return input }
            problems.append(Diagnostic(LanguageProblem.unknownInput(procedure: procedure.name.value, input: name, declared: declared, source: source)))
            return nil
        }
        for (name, value) in given.sorted(by: { $0.key < $1.key }) {
            guard let input = input(name, from: .json) else { continue }
            if case .null = value { continue }
            if let typed = typed(value, as: input.kind) {
                values[name] = typed
            } else {
                refused.insert(name)
                problems.append(declaredAt(input, in: procedure, .inputType(input: name, kind: input.kind, found: input.shown(value.jsonText), source: .json)))
            }
        }
        for (name, text) in texts {
            guard let input = input(name, from: .commandLine) else { continue }
            if let value = parse(text, as: input.kind) {
                values[name] = value
                refused.remove(name)
            } else {
                refused.insert(name)
                problems.append(declaredAt(input, in: procedure, .inputType(input: name, kind: input.kind, found: input.shown(text), source: .commandLine)))
            }
        }
        problems += complete(&values, procedure: procedure, refused: refused, source: source)
        if problems.isEmpty {
            // An input left null where a value is needed fails the run: say so before anything runs.
            let null = Set(values.compactMap { name, value in if case .null = value { name } else { nil } })
            problems += procedure.nullInputReads(null, givenBy: source)
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return values
    }

    /// The value the words after `--` give (`procrun test -- -v --nocapture`): the name of the
    /// procedure's `rest: true` input and the words as a list of strings; nil without words. A
    /// procedure without such an input, or a `--set` of it as well, is refused.
    package static func rest(
        _ words: [String], texts: [(name: String, text: String)], of procedure: Procedure
    ) throws(DiagnosticsError) -> (name: String, value: Value)? {
        guard !words.isEmpty else { return nil }
        guard let input = procedure.inputs.first(where: \.rest) else {
            throw DiagnosticsError([Diagnostic(LanguageProblem.noRestInput(procedure: procedure.name.value, word: words[0]))])
        }
        if texts.contains(where: { $0.name == input.name }) {
            throw DiagnosticsError([declaredAt(input, in: procedure, .restAndSet(input: input.name))])
        }
        return (input.name, .list(words.map(Value.string)))
    }

    /// A typed value as `kind`, or nil when it is not one.
    private static func typed(_ value: Value, as kind: InputSpec.Kind) -> Value? {
        switch (kind, value) {
        case (.string, .string), (.integer, .integer), (.number, .number), (.boolean, .boolean): return value
        case (.number, .integer(let number)): return .number(Double(number))
        case (.integer, .number(let number)) where number == number.rounded() && abs(number) < 9.0e15: return .integer(Int(number))
        case (.list, .list(let items)):
            return items.allSatisfy({ if case .list = $0 { false } else if case .mapping = $0 { false } else { true } }) ? value : nil
        case (_, .string(let text)): return parse(text, as: kind)
        default: return nil
        }
    }

    /// An answer typed at a prompt for `input`, read as `--set` reads a value and checked as
    /// ``bind(_:values:to:)`` checks it (its type, `allowed`, `pattern`): the value, or every
    /// problem with it, each naming the input (never `--set`).
    package static func answer(_ text: String, for input: InputSpec, in procedure: Procedure) throws(DiagnosticsError) -> Value {
        guard let value = parse(text, as: input.kind) else {
            let shown = input.shown(text)
            throw DiagnosticsError([declaredAt(input, in: procedure, .inputType(input: input.name, kind: input.kind, found: shown, source: .prompt))])
        }
        let problems = check(value, for: input, in: procedure, source: .prompt)
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return value
    }

    /// Adds defaults and nulls, and checks required and allowed values, in the terms of `source`.
    /// Inputs in `refused` were given with a value of the wrong type, already reported, so they are
    /// not called missing too.
    package static func complete(
        _ values: inout [String: Value], procedure: Procedure, refused: Set<String> = [], source: Source = .commandLine
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for input in procedure.inputs {
            if let value = values[input.name] {
                problems += check(value, for: input, in: procedure, source: source)
            } else if let fallback = input.defaultValue {
                values[input.name] = fallback
            } else if input.required, !refused.contains(input.name) {
                problems.append(declaredAt(input, in: procedure, .inputMissing(input: input.name, kind: input.kind, allowed: input.secret ? nil : input.allowed, source: source)))
            } else {
                values[input.name] = .null
            }
        }
        return problems
    }

    /// The problems of a value of `input`'s type: not one of its `allowed` values, or not matching
    /// its `pattern`.
    private static func check(_ value: Value, for input: InputSpec, in procedure: Procedure, source: Source) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let allowed = input.allowed, !allowed.contains(value) {
            problems.append(declaredAt(input, in: procedure, .inputNotAllowed(input: input.name, allowed: allowed, found: input.secret ? nil : value, source: source)))
        }
        if let pattern = input.pattern, case .string(let text) = value, !pattern.matchesWhole(text) {
            let shown = input.shown(text)
            problems.append(declaredAt(input, in: procedure, .inputNotMatching(input: input.name, pattern: pattern.pattern, found: shown)))
        }
        return problems
    }

    /// A value's text read as `kind`: a list is a JSON array of strings, numbers and booleans when
    /// the text starts with `[` (`["a, b", "c"]`), else the text's comma-separated items.
    package static func parse(_ text: String, as kind: InputSpec.Kind) -> Value? {
        switch kind {
        case .string: return .string(text)
        case .integer: return DecimalText.integer(text).map(Value.integer)
        case .number: return DecimalText.number(text).map(Value.number)
        case .boolean: return text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : nil
        case .list:
            if text.hasPrefix("[") { return Value(jsonText: text).flatMap { typed($0, as: .list) } }
            return .list(text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) })
        }
    }

    private static func declaredAt(_ input: InputSpec, in procedure: Procedure, _ problem: LanguageProblem) -> Diagnostic {
        Diagnostic(problem, notes: [.at(input.location, in: procedure.file, LanguageProblem.declaredHere(input: input.name))])
    }
}
