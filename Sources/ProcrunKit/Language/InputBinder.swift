/// Turns `--set NAME=VALUE` texts (or a caller's values) into a procedure's typed inputs,
/// refusing unknown names, wrong types, values not allowed and missing required inputs.
package enum InputBinder {
    /// The inputs for a run: typed `values` (a JSON object from an agent or `--inputs`) and
    /// command-line `texts` (`--set NAME=VALUE`, which win over values of the same name). A value
    /// of the input's type is taken as it is (an integer for a number too, so a JSON list stays a
    /// list); a text, or a string value for an input of another type, is read as the input's type.
    /// Unknown names, wrong types, values not allowed and missing required inputs are refused,
    /// every problem at once.
    package static func bind(
        _ texts: [(name: String, text: String)], values given: [String: Value] = [:], to procedure: Procedure
    ) throws(DiagnosticsError) -> [String: Value] {
        var values: [String: Value] = [:]
        var problems: [Diagnostic] = []
        var refused: Set<String> = []
        let declared = procedure.inputs.map(\.name)
        func input(_ name: String, from origin: String) -> InputSpec? {
            if let input = procedure.inputs.first(where: { $0.name == name }) { return input }
            let known = declared.isEmpty ? " (it declares none)" : Suggestion.hint(for: name, in: declared)
            problems.append(Diagnostic(.error, "\(origin)procedure '\(procedure.name.value)' has no input '\(name.excerpt(40))'\(known)"))
            return nil
        }
        for (name, value) in given.sorted(by: { $0.key < $1.key }) {
            guard let input = input(name, from: "") else { continue }
            if case .null = value { continue }
            if let typed = typed(value, as: input.kind) {
                values[name] = typed
            } else {
                refused.insert(name)
                problems.append(declaredAt(input, in: procedure, "expected \(article(input.kind)) for input '\(name)', found \(value.jsonText.excerpt(40))"))
            }
        }
        for (name, text) in texts {
            guard let input = input(name, from: "--set \(name): ") else { continue }
            if let value = parse(text, as: input.kind) {
                values[name] = value
                refused.remove(name)
            } else {
                refused.insert(name)
                problems.append(
                    declaredAt(input, in: procedure, "--set \(name): expected \(article(input.kind)) for input '\(name)', found '\(text.excerpt(40))'"))
            }
        }
        problems += complete(&values, procedure: procedure, refused: refused)
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return values
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

    /// Adds defaults and nulls, and checks required and allowed values. Inputs in `refused` were
    /// given with a value of the wrong type, already reported, so they are not called missing too.
    static func complete(_ values: inout [String: Value], procedure: Procedure, refused: Set<String> = []) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for input in procedure.inputs {
            if let value = values[input.name] {
                if let allowed = input.allowed, !allowed.contains(value) {
                    let list = allowed.map { (try? $0.rendered()) ?? "" }.joined(separator: ", ")
                    problems.append(declaredAt(input, in: procedure, "input '\(input.name)' must be one of \(list), found '\((try? value.rendered()) ?? "")'"))
                }
                if let pattern = input.pattern, case .string(let text) = value, !pattern.matchesWhole(text) {
                    let shown = input.secret ? "***" : text
                    problems.append(declaredAt(input, in: procedure, "input '\(input.name)' must match the pattern '\(pattern.pattern)', found '\(shown)'"))
                }
            } else if let fallback = input.defaultValue {
                values[input.name] = fallback
            } else if input.required, !refused.contains(input.name) {
                problems.append(declaredAt(input, in: procedure, "missing required input '\(input.name)'; give it with --set \(input.name)=VALUE"))
            } else {
                values[input.name] = .null
            }
        }
        return problems
    }

    /// A value's text read as `kind`.
    package static func parse(_ text: String, as kind: InputSpec.Kind) -> Value? {
        switch kind {
        case .string: return .string(text)
        case .integer: return DecimalText.integer(text).map(Value.integer)
        case .number: return DecimalText.number(text).map(Value.number)
        case .boolean: return text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : nil
        case .list: return .list(text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) })
        }
    }

    private static func article(_ kind: InputSpec.Kind) -> String {
        switch kind {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "true or false"
        case .list: "a comma-separated list"
        }
    }

    private static func declaredAt(_ input: InputSpec, in procedure: Procedure, _ message: String) -> Diagnostic {
        Diagnostic(.error, message, id: .inputMismatch, notes: [.at(input.location, in: procedure.file, "input '\(input.name)' is declared here")])
    }
}
