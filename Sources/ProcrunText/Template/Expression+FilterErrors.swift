extension Expression.FilterCall {
    /// "unknown filter 'lowr'; did you mean 'lower'?"
    var unknownFilterError: TemplateError {
        TemplateError(range: nameRange, .unknownFilter(name: name, suggestion: Suggestion.closest(to: name, in: TemplateFilter.allCases.map(\.rawValue))))
    }

    /// "filter 'replace' takes 2 arguments, found 1", or nil when the count is right.
    func arityError(_ filter: TemplateFilter) -> TemplateError? {
        guard !filter.arity.contains(arguments.count) else { return nil }
        return TemplateError(range: range, .filterArity(filter: name, arity: filter.arity, found: arguments.count))
    }

    /// "filter 'lower' expects a string, found integer".
    func typeError(_ filter: TemplateFilter, found: ValueType) -> TemplateError {
        TemplateError(range: nameRange, .filterType(filter: name, accepted: filter.accepted, found: found))
    }

    /// "filter 'join' expects a string argument, found integer", or nil when the type fits.
    func argumentError(_ filter: TemplateFilter, at index: Int, found: ValueType) -> TemplateError? {
        let expected = filter.argumentType
        guard index < filter.arity.upperBound, expected != .any, found != .any, found != expected, arguments.indices.contains(index) else {
            return nil
        }
        return TemplateError(range: arguments[index].range, .filterArgument(filter: name, expected: expected, found: found))
    }
}
