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
                    return .missing(TemplateError(
                        range: range(components: index + 1),
                        message: "index \(position) is out of range for '\(text(components: index))' (\(items.count) item\(items.count == 1 ? "" : "s"))"))
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
        let name = text(components: count)
        var message = "undefined name '\(name)'"
        let missing: String
        if count == 0 {
            missing = root
        } else if case .field(let field) = components[count - 1] {
            missing = field
        } else {
            missing = ""
        }
        if let suggestion = Suggestion.closest(to: missing, in: candidates) {
            let prefix = count == 0 ? "" : text(components: count - 1) + "."
            message += "; did you mean '\(prefix)\(suggestion)'?"
        }
        let names = [root] + components.prefix(count).map { component in
            switch component {
            case .field(let name): name
            case .index(let index): "[\(index)]"
            }
        }
        return TemplateError(range: range(components: count), message: message, kind: .undefinedName(names))
    }

    /// The error for a `component` applied to a value of the wrong type at component `index`.
    func wrongType(at index: Int, found: ValueType, component: Component) -> TemplateError {
        let holder = text(components: index)
        let range = range(components: index + 1)
        switch component {
        case .field(let name):
            if found == .null {
                return TemplateError(range: range, message: "'\(holder)' is null; it has no field '\(name)'")
            }
            return TemplateError(range: range, message: "'\(holder)' is \(found.nameWithArticle); it has no field '\(name)'")
        case .index:
            return TemplateError(range: range, message: "cannot index '\(holder)': expected a list, found \(found.name)")
        }
    }
}
