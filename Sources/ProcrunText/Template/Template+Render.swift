extension Template {
    /// Renders the template. A template that is exactly one `{{ expression }}` keeps the
    /// expression's type; any other renders to a `.string`. Rendering null is an error, but for
    /// a template of one expression when `nullAllowed` (a call's input: null means "not given").
    package func render(in context: RenderContext, nullAllowed: Bool = false) throws(TemplateError) -> Value {
        if parsedParts.count == 1, case .expression(let expression, _) = parsedParts[0] {
            let value = try expression.value(in: context.roots)
            if case .null = value, !nullAllowed { throw Template.nullError(expression) }
            return value
        }
        return .string(try renderText(in: context))
    }

    /// Renders the template to text whatever its form; with `refusingLists`, a list value is an
    /// error (``TemplateProblem/listInItem``) rather than its JSON.
    package func renderText(in context: RenderContext, refusingLists: Bool = false) throws(TemplateError) -> String {
        if isLiteral { return source }
        var out = ""
        out.reserveCapacity(source.utf8.count &+ 16)
        for part in parsedParts {
            switch part {
            case .text(let text):
                out += text
            case .expression(let expression, let range):
                let value = try expression.value(in: context.roots)
                if case .null = value { throw Template.nullError(expression) }
                if refusingLists, case .list = value { throw TemplateError(range: range, .listInItem) }
                try value.appendRendered(to: &out)
            }
        }
        return out
    }

    /// The rendered pieces, text kept apart from values, for shell planning. A value is already
    /// data there, so a last `quote` filter is left out: the value arrives as the bytes it had
    /// before quoting, not with the quote characters in it. A list is its items, each rendered,
    /// for the planner to spread as words.
    package func renderParts(in context: RenderContext) throws(TemplateError) -> [RenderedPart] {
        if isLiteral { return source.isEmpty ? [] : [.text(source)] }
        var rendered: [RenderedPart] = []
        rendered.reserveCapacity(parsedParts.count)
        for part in parsedParts {
            switch part {
            case .text(let text):
                rendered.append(.text(text))
            case .expression(var expression, _):
                if case .filter(let operand, let call) = expression.kind, call.filter == .quote { expression = operand }
                let value = try expression.value(in: context.roots)
                if case .null = value { throw Template.nullError(expression) }
                if case .list(let items) = value {
                    var words: [String] = []
                    words.reserveCapacity(items.count)
                    for item in items { words.append(try item.rendered()) }
                    rendered.append(.words(words))
                    continue
                }
                let text = try value.rendered()
                if case .filter(_, let call) = expression.kind, call.filter == .raw {
                    rendered.append(.raw(text))
                } else {
                    rendered.append(.value(text))
                }
            }
        }
        return rendered
    }

    /// The arguments an item of a list-form command gives: each item of a list when the template
    /// is exactly one `{{ expression }}` of a list (`[cargo, test, "{{ inputs.args }}"]`, none
    /// for an empty list), else its text, a list inside it an error (``TemplateProblem/listInItem``).
    package func renderItems(in context: RenderContext) throws(TemplateError) -> [String] {
        if parsedParts.count == 1, case .expression = parsedParts[0] {
            let value = try render(in: context)
            guard case .list(let items) = value else { return [try value.rendered()] }
            var words: [String] = []
            words.reserveCapacity(items.count)
            for item in items { words.append(try item.rendered()) }
            return words
        }
        return [try renderText(in: context, refusingLists: true)]
    }

    /// "'inputs.x' is null; add a default, for example '| default(\"\")'".
    static func nullError(_ expression: Expression) -> TemplateError {
        TemplateError(range: expression.range, .nullExpression(expression: expression.description))
    }
}
