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

    /// Renders the template to text whatever its form.
    package func renderText(in context: RenderContext) throws(TemplateError) -> String {
        if isLiteral { return source }
        var out = ""
        out.reserveCapacity(source.utf8.count &+ 16)
        for part in parsedParts {
            switch part {
            case .text(let text):
                out += text
            case .expression(let expression, _):
                let value = try expression.value(in: context.roots)
                if case .null = value { throw Template.nullError(expression) }
                try value.appendRendered(to: &out)
            }
        }
        return out
    }

    /// The rendered pieces, text kept apart from values, for shell planning. A value is already
    /// data there, so a last `quote` filter is left out: the value arrives as the bytes it had
    /// before quoting, not with the quote characters in it.
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

    /// "'inputs.x' is null; add a default, for example '| default(\"\")'".
    static func nullError(_ expression: Expression) -> TemplateError {
        TemplateError(range: expression.range, .nullExpression(expression: expression.description))
    }
}
