extension Expression.FilterCall {
    /// "unknown filter 'lowr'; did you mean 'lower'?"
    var unknownFilterError: TemplateError {
        var message = "unknown filter '\(name)'"
        if let suggestion = Suggestion.closest(to: name, in: TemplateFilter.allCases.map(\.rawValue)) {
            message += "; did you mean '\(suggestion)'?"
        }
        return TemplateError(range: nameRange, message: message, kind: .unknownFilter)
    }

    /// "filter 'replace' takes 2 arguments, found 1", or nil when the count is right.
    func arityError(_ filter: TemplateFilter) -> TemplateError? {
        guard !filter.arity.contains(arguments.count) else { return nil }
        return TemplateError(range: range, message: "filter '\(name)' \(filter.arityDescription), found \(arguments.count)")
    }

    /// "filter 'lower' expects a string, found integer".
    func typeError(_ filter: TemplateFilter, found: ValueType) -> TemplateError {
        var message = "filter '\(name)' expects \(filter.acceptedDescription), found \(found.name)"
        if found == .null { message += "; add a default first, for example '| default(\"\") | \(name)'" }
        return TemplateError(range: nameRange, message: message)
    }

    /// "filter 'join' expects a string argument, found integer", or nil when the type fits.
    func argumentError(_ filter: TemplateFilter, at index: Int, found: ValueType) -> TemplateError? {
        let expected = filter.argumentType
        guard index < filter.arity.upperBound, expected != .any, found != .any, found != expected, arguments.indices.contains(index) else {
            return nil
        }
        return TemplateError(
            range: arguments[index].range,
            message: "filter '\(name)' expects \(expected.nameWithArticle) argument, found \(found.name)")
    }
}
