/// Turns `--set NAME=VALUE` texts (or a caller's values) into a procedure's typed inputs,
/// refusing unknown names, wrong types, values not allowed and missing required inputs.
public enum InputBinder {
    /// The inputs for a run, from command-line texts. Throws every problem at once.
    public static func bind(_ given: [(name: String, text: String)], to procedure: Procedure) throws(DiagnosticsError) -> [String: Value] {
        var values: [String: Value] = [:]
        var problems: [Diagnostic] = []
        var refused: Set<String> = []
        let declared = procedure.inputs.map(\.name)
        for (name, text) in given {
            guard let input = procedure.inputs.first(where: { $0.name == name }) else {
                let known = declared.isEmpty ? " (it declares none)" : Suggestion.hint(for: name, in: declared)
                problems.append(Diagnostic(.error, "--set \(name): procedure '\(procedure.name.value)' has no input '\(name)'\(known)"))
                continue
            }
            switch parse(text, as: input.kind) {
            case .some(let value): values[name] = value
            case .none:
                refused.insert(name)
                problems.append(
                    declaredAt(input, in: procedure, "--set \(name): expected \(article(input.kind)) for input '\(name)', found '\(text.excerpt(40))'"))
            }
        }
        problems += complete(&values, procedure: procedure, refused: refused)
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return values
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
    public static func parse(_ text: String, as kind: InputSpec.Kind) -> Value? {
        switch kind {
        case .string: return .string(text)
        case .integer: return NodeReader.parseInteger(text).map(Value.integer)
        case .number: return NodeReader.parseNumber(text).map(Value.number)
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
        Diagnostic(.error, message, notes: ["input '\(input.name)' is declared at \(procedure.file.path):\(input.location.line):\(input.location.column)"])
    }
}
