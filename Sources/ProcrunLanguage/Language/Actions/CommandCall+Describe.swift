import ProcrunSystem
package import ProcrunText

extension CommandCall {
    /// The command exactly as it would run, for a dry run: a list as quoted words, a line with
    /// each value quoted as a literal for where it stands, secrets masked. A value the run would
    /// refuse is refused. `file` is where its templates are written (nil: the procedure's file).
    package func describe(in context: any ActionContext, file: SourceFile?) throws(StepFailure) -> String {
        switch command {
        case .arguments(let fields):
            var words: [String] = []
            for field in fields { words += try items(field, in: context, file: file).map { ShellQuote.word(context.redact($0)) } }
            return "$ " + words.joined(separator: " ")
        case .line(let field):
            let source = file ?? context.file
            let parts: [RenderedPart]
            do {
                parts = try field.template.renderParts(in: context.names)
            } catch {
                throw StepFailure(.template, field.diagnostic(error.explained(by: context.names), in: source))
            }
            do {
                return "$ " + context.redact(try ShellPlanner.display(field.template, rendered: parts) { context.redact($0) })
            } catch {
                throw StepFailure(.action, .error(.commandSyntax, error.message, in: source, at: field.node.location(ofTextOffset: error.offset, in: source)))
            }
        }
    }

    /// The command as written, for `procrun show` (`$ make test SUITE={{ inputs.suite }}`): a list
    /// as quoted words, each bare `{{ params.NAME }}` (a library action's) replaced by `parameters[NAME]`.
    package func preview(parameters: [String: String]) -> String {
        switch command {
        case .line(let field):
            return "$ " + Self.substitute(field.template, parameters)
        case .arguments(let fields):
            return "$ " + fields.map { ShellQuote.word(Self.substitute($0.template, parameters)) }.joined(separator: " ")
        }
    }

    /// The template's text with each bare `{{ params.NAME }}` replaced by `parameters[NAME]`.
    private static func substitute(_ template: Template, _ parameters: [String: String]) -> String {
        if template.isLiteral || parameters.isEmpty { return template.source }
        let scalars = Array(template.source.unicodeScalars)
        var out = ""
        for part in template.parts {
            switch part {
            case .text(let text):
                out += text
            case .expression(let expression, let range):
                if case .path(let path) = expression.kind, path.root == "params", path.components.count == 1,
                    case .field(let name) = path.components[0], let value = parameters[name]
                {
                    out += value
                } else {
                    out.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
                }
            }
        }
        return out
    }
}
