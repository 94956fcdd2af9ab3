extension Expression.Path {
    /// A path's value, or why it has none.
    enum Lookup {
        case found(Value)
        /// The name is undefined (a missing key, an index out of range, a field of null): the
        /// error to report unless a `default` filter catches it.
        case missing(TemplateError)
    }

    /// Looks the path up. A missing name is returned as `.missing`; a wrong type (a field of a
    /// string, an index into a mapping) is thrown.
    func lookup(in roots: [String: Value]) throws(TemplateError) -> Lookup {
        guard var current = roots[root] else {
            return .missing(undefined(components: 0, candidates: roots.keys))
        }
        for index in components.indices {
            switch (components[index], current) {
            case (.field(let name), .mapping(let fields)):
                guard let next = fields[name] else {
                    return .missing(undefined(components: index + 1, candidates: fields.keys))
                }
                current = next
            case (.index(let position), .list(let items)):
                guard position >= 0, position < items.count else {
                    return .missing(TemplateError(range: range(components: index + 1), .indexOutOfRange(index: position, list: text(components: index), count: items.count)))
                }
                current = items[position]
            case (let component, _):
                let error = wrongType(at: index, found: current.valueType, component: component)
                if case .null = current { return .missing(error) }
                throw error
            }
        }
        return .found(current)
    }

    /// "undefined name 'inputs.tga'; did you mean 'inputs.tag'?" for the name made of the root and
    /// `count` components, the last of which is missing (the root itself for 0).
    func undefined(components count: Int, candidates: some Sequence<String>) -> TemplateError {
        let missing: String
        if count == 0 {
            missing = root
        } else if case .field(let field) = components[count - 1] {
            missing = field
        } else {
            missing = ""
        }
        let suggestion = Suggestion.closest(to: missing, in: candidates).map { (count == 0 ? "" : text(components: count - 1) + ".") + $0 }
        let names = [root] + components.prefix(count).map { component in
            switch component {
            case .field(let name): name
            case .index(let index): "[\(index)]"
            }
        }
        return TemplateError(range: range(components: count), .undefinedName(name: text(components: count), suggestion: suggestion, path: names))
    }

    /// The error for a `component` applied to a value of the wrong type at component `index`.
    func wrongType(at index: Int, found: ValueType, component: Component) -> TemplateError {
        let holder = text(components: index)
        let range = range(components: index + 1)
        switch component {
        case .field(let name):
            return TemplateError(range: range, .noField(holder: holder, found: found, field: name))
        case .index:
            return TemplateError(range: range, .notIndexable(holder: holder, found: found))
        }
    }
}
