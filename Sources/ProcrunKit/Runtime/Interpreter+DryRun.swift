extension Interpreter {
    /// A dry-run attempt: the step described, never failed by its expectations.
    func dryRun(_ step: Step, number: Int) -> StepResult {
        var result = StepResult(number: number, id: step.id?.value, action: step.action.value, status: .success)
        do {
            try describe(step, into: &result)
        } catch {
            result.status = .failed
            result.error = error.message
        }
        return result
    }

    /// What a step would do, with its templates rendered, for `--dry-run`. Steps that only compute
    /// (`set`, `log`, `assert`) are evaluated; the rest are described, and their results read as
    /// placeholders (`<steps.build.stdout>`) by later steps.
    func describe(_ step: Step, into result: inout StepResult) throws(StepFailure) {
        switch step.call {
        case .shell(let command):
            result.outcome = try describe(command, file: nil)
        case .library(let action, let arguments):
            var params: [String: Value] = [:]
            for parameter in action.parameters {
                if let value = parameter.defaultValue { params[parameter.name] = .string(value) }
            }
            for (name, field) in arguments { params[name] = .string(try string(field)) }
            let saved = context
            context = RenderContext(roots: ["params": .mapping(params)])
            defer { context = saved }
            result.outcome = try describe(action.command, file: action.file)
        case .sleep(let duration):
            result.outcome = "sleep " + (try string(duration))
        case .writeFile(let write):
            let content = try string(write.content)
            result.outcome = "\(write.append ? "append" : "write") \(content.utf8.count) bytes to \(try string(write.path))"
        case .http(let http):
            let method = try http.method.map { (field) throws(StepFailure) in try string(field) } ?? "GET"
            result.outcome = "\(method) \(try string(http.url))"
        case .external(let name, let parameters):
            var rendered: [String: Value] = [:]
            for (parameter, tree) in parameters { rendered[parameter] = try render(tree) }
            result.outcome = "executor: \(name) " + redact(Value.mapping(rendered).jsonText)
        case .mcp(let call):
            let arguments = try call.arguments.map { (tree) throws(StepFailure) in try render(tree) } ?? .mapping([:])
            result.outcome = "mcp: \(call.server).\(try string(call.tool)) " + redact(arguments.jsonText)
        case .log, .assert, .fail, .set, .procedure, .parallel:
            result = execute(step, number: result.number)
            if case .log = step.call { result.outcome = "log: " + result.outcome }
        }
        if let id = step.id?.value, step.call.hasEffects {
            result.stdout = "<steps.\(id).stdout>"
            result.stderr = "<steps.\(id).stderr>"
            result.exitCode = 0
        }
    }

    /// The command exactly as it would run: a list as quoted words, a line with each value quoted
    /// as a literal for where it stands, secrets masked. A value the run would refuse is refused.
    private func describe(_ call: CommandCall, file: SourceFile?) throws(StepFailure) -> String {
        switch call.command {
        case .arguments(let fields):
            var words: [String] = []
            for field in fields { words.append(ShellQuote.word(redact(try string(field, file: file)))) }
            return "$ " + words.joined(separator: " ")
        case .line(let field):
            let source = file ?? procedure.file
            let parts: [RenderedPart]
            do {
                parts = try field.template.renderParts(in: context)
            } catch {
                let location = field.node.location(ofTextOffset: error.range.lowerBound, in: source)
                throw StepFailure(.action, "\(source.path):\(location.line):\(location.column): \(error.message)")
            }
            do {
                return "$ " + redact(try ShellPlanner.display(field.template, rendered: parts) { [self] in redact($0) })
            } catch {
                let location = field.node.location(ofTextOffset: error.offset, in: source)
                throw StepFailure(.action, "\(source.path):\(location.line):\(location.column): \(error.message)")
            }
        }
    }
}

extension ActionCall {
    /// Whether running the call changes something outside procrun (dry runs describe these).
    var hasEffects: Bool {
        switch self {
        case .shell, .library, .sleep, .writeFile, .http, .external, .mcp: true
        case .log, .assert, .fail, .set, .procedure, .parallel: false
        }
    }
}
