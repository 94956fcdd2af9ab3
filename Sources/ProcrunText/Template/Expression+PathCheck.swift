extension Expression.Path {
    /// The path's static type in `scope`, appending an error for an undefined name or a wrong
    /// type. `allowMissing`: the path is followed by `default(...)`, so a field missing from an
    /// `optionalWithDefault` object is allowed (its type is then `.null`).
    func staticType(in scope: NameShape, allowMissing: Bool, errors: inout [TemplateError]) -> ValueType {
        var shape = scope
        for step in 0...components.count {
            let component: Component = step == 0 ? .field(root) : components[step - 1]
            switch shape {
            case .object(let fields, let open, let optionalWithDefault):
                guard case .field(let name) = component else {
                    errors.append(wrongType(at: step - 1, found: .mapping, component: component))
                    return .any
                }
                if let next = fields[name] {
                    shape = next
                    continue
                }
                if open { return .any }
                if optionalWithDefault, allowMissing { return .null }
                errors.append(undefined(components: step, candidates: fields.keys))
                return .any
            case .value(let type):
                switch (type, component) {
                case (.mapping, .field), (.list, .index), (.any, _), (.null, _):
                    return .any
                default:
                    if step > 0 { errors.append(wrongType(at: step - 1, found: type, component: component)) }
                    return .any
                }
            }
        }
        return shape.valueType
    }
}
