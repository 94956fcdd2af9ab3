import ProcrunText

extension ProcedureLoader {
    static let inputKeys = ["type", "description", "default", "required", "allowed", "secret", "pattern", "rest"]

    func readInputs(_ node: YAMLNode, reader: inout NodeReader) -> [InputSpec] {
        guard let pairs = reader.mapping(node, "'inputs'") else { return [] }
        var inputs: [InputSpec] = []
        for pair in pairs {
            guard NodeReader.isIdentifier(pair.key) else {
                reader.error(.invalidName(kind: "input", found: pair.key), at: pair.keyStart)
                continue
            }
            var input = InputSpec(name: pair.key, location: pair.keyStart)
            if pair.value.isNull {
                inputs.append(input)
                continue
            }
            guard let fields = reader.mapping(pair.value, "input '\(pair.key)'", keys: Self.inputKeys) else { continue }
            if let kindNode = pair.value["type"], let text = reader.string(kindNode, "'type'") {
                if let kind = InputSpec.Kind(rawValue: text) {
                    input.kind = kind
                } else {
                    let names = InputSpec.Kind.allCases.map(\.rawValue)
                    reader.error(.unknownInputType(found: text, known: names), at: kindNode.start)
                }
            }
            for field in fields {
                let value = field.value
                switch field.key {
                case "description": input.description = reader.string(value, "'description'") ?? ""
                case "required": input.required = reader.boolean(value, "'required'") ?? false
                case "secret": input.secret = reader.boolean(value, "'secret'") ?? false
                case "rest":
                    input.rest = reader.boolean(value, "'rest'") ?? false
                    if input.rest, input.kind != .list {
                        reader.error(.restNotList(input: input.name, kind: input.kind.rawValue), at: value.start)
                    } else if input.rest, let first = inputs.first(where: \.rest) {
                        reader.error(.restTwice(input: input.name, first: first.name), at: value.start)
                    }
                case "default": input.defaultValue = inputValue(value, input.kind, "the default of input '\(input.name)'", reader: &reader)
                case "allowed":
                    if let items = reader.sequence(value, "'allowed'") {
                        input.allowed = items.compactMap { inputValue($0, input.kind, "an allowed value of input '\(input.name)'", reader: &reader) }
                    }
                case "pattern":
                    guard let text = reader.string(value, "'pattern'") else { break }
                    if input.kind != .string {
                        reader.error(.patternNotString(input: input.name, kind: input.kind.rawValue), at: value.start)
                    }
                    do {
                        input.pattern = try CompiledRegex(text)
                    } catch {
                        reader.error(.invalidRegex(key: "pattern", reason: String(describing: error)), at: value.start)
                    }
                default: break
                }
            }
            if let pattern = input.pattern, case .string(let text)? = input.defaultValue, !pattern.matchesWhole(text), let node = pair.value["default"] {
                reader.error(.defaultNotMatching(input: input.name, pattern: pattern.pattern), at: node.start)
            }
            if let allowed = input.allowed, let value = input.defaultValue, !allowed.contains(value), let node = pair.value["default"] {
                reader.error(.defaultNotAllowed(input: input.name), at: node.start)
            }
            inputs.append(input)
        }
        return inputs
    }

    /// A value written in the file for an input of type `kind`.
    private func inputValue(_ node: YAMLNode, _ kind: InputSpec.Kind, _ what: String, reader: inout NodeReader) -> Value? {
        switch kind {
        case .string: return reader.string(node, what).map(Value.string)
        case .integer: return reader.integer(node, what, in: -999_999_999_999_999_999...999_999_999_999_999_999).map(Value.integer)
        case .number: return reader.number(node, what).map(Value.number)
        case .boolean: return reader.boolean(node, what).map(Value.boolean)
        case .list:
            guard let items = reader.sequence(node, what) else { return nil }
            return .list(items.compactMap { reader.string($0, "an item of \(what)").map(Value.string) })
        }
    }
}
