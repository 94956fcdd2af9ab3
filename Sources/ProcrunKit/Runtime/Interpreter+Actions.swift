import Glibc

extension Interpreter {
    /// One attempt at a step's action; expectations are checked by the caller.
    func execute(_ step: Step, number: Int) -> StepResult {
        var result = StepResult(number: number, id: step.id?.value, action: step.action.value, status: .success)
        do {
            switch step.call {
            case .shell(let command):
                try runCommand(command, timeout: timeLeft(limit(of: step)), defaultDirectory: directory, into: &result, step: step)
            case .library(let action, let arguments):
                var params: [String: Value] = [:]
                for parameter in action.parameters {
                    if let value = parameter.defaultValue { params[parameter.name] = .string(value) }
                }
                for (name, field) in arguments {
                    params[name] = .string(try string(field))
                }
                let saved = context
                context = RenderContext(roots: ["params": .mapping(params)])
                defer { context = saved }
                try runCommand(
                    action.command, timeout: timeLeft(limit(of: step)), defaultDirectory: libraryDirectory, into: &result, file: action.file, step: step)
            case .log(let message, let level):
                result.outcome = try string(message)
                observer?.logged(redact(result.outcome), level: level)
            case .assert(let conditions, let message):
                for condition in conditions {
                    let value: Value
                    do {
                        value = try condition.expression.evaluate(in: context)
                    } catch {
                        throw StepFailure(.template, located(error, condition: condition))
                    }
                    guard case .boolean(let holds) = value else {
                        throw StepFailure(.template, "assertion '\(condition.node.scalar?.text ?? "")' is a \(value.typeName), not true or false")
                    }
                    if !holds {
                        throw StepFailure(.assertion, try message.map { (field) throws(StepFailure) in try string(field) } ?? "assertion failed: \(condition.node.scalar?.text ?? "")")
                    }
                }
                result.outcome = "true"
            case .fail(let message):
                throw StepFailure(.assertion, try message.map { (field) throws(StepFailure) in try string(field) } ?? "failed")
            case .sleep(let field):
                let text = try string(field)
                guard let duration = NodeReader.parseDuration(text) else {
                    throw StepFailure(.action, "expected a duration such as 500ms or 2s for 'duration', found '\(text)'")
                }
                let allowed = timeLeft(duration) ?? duration
                if !Interrupts.sleep(allowed) { throw StepFailure.interrupted }
                if allowed < duration { throw StepFailure(.timedOut, Self.callTimedOut) }
            case .set(let values):
                // `vars` stays visible while the values render: a value may read an earlier variable.
                guard case .mapping(var vars)? = context.roots["vars"] else { break }
                defer { context.roots["vars"] = .mapping(vars) }
                for (name, value) in values {
                    switch value {
                    case .typed(let typed): vars[name] = typed
                    case .template(let field): vars[name] = try render(field)
                    }
                }
            case .writeFile(let write):
                let path = FileSystem.join(directory, try string(write.path))
                if !write.outsideLibrary, !LibraryLayout.holds(path, root: libraryDirectory) {
                    throw StepFailure(.action, "write_file path '\(path)' is outside the library folder '\(library.root)'; write inside it, or add outside_library: true to the step's parameters")
                }
                if !write.libraryFiles, let own = LibraryLayout.ownFile(path, root: libraryDirectory) {
                    throw StepFailure(.action, "write_file path '\(path)' is \(own), which a step does not overwrite; write elsewhere, or add library_files: true to the step's parameters")
                }
                if write.createDirectories { try wrap { () throws(FileSystem.Failure) in try FileSystem.createDirectories(FileSystem.directory(of: path)) } }
                let content = Array(try string(write.content).utf8)
                try wrap { () throws(FileSystem.Failure) in try FileSystem.write(content, to: path, append: write.append, mode: write.mode) }
                result.outcome = path
            case .http(let http):
                try runHTTP(http, timeout: timeLeft(limit(of: step)), into: &result)
            case .procedure(let call):
                try runProcedure(call, step: step, into: &result)
            case .external(let name, let parameters):
                try runExternal(name, parameters, step: step, into: &result)
            case .mcp(let call):
                try runMCP(call, step: step, into: &result)
            case .parallel:
                // A group runs through runGroup, never as one action.
                throw StepFailure(.action, "a parallel group is not an action")
            }
        } catch {
            result.fail(error as? StepFailure ?? StepFailure(.action, String(describing: error)))
            if result.exitCode == nil, case .shell = step.call { result.exitCode = 127 }
        }
        return result
    }

    /// Renders a field, turning a template error into a positioned step failure.
    func render(_ field: TemplateField, file: SourceFile? = nil) throws(StepFailure) -> Value {
        do {
            return try field.template.render(in: context)
        } catch {
            // What the error quotes from the value is shown, never kept (``StepFailure/message``).
            var failure = StepFailure(.template, field.diagnostic(error, in: file ?? procedure.file))
            failure.shown += error.quoted
            throw failure
        }
    }

    /// Renders a field to text.
    func string(_ field: TemplateField, file: SourceFile? = nil) throws(StepFailure) -> String {
        let value = try render(field, file: file)
        do {
            return try value.rendered()
        } catch {
            throw StepFailure(.template, .error(.templateType, error.message, in: file ?? procedure.file, at: field.node.start))
        }
    }

    private func wrap(_ body: () throws(FileSystem.Failure) -> Void) throws(StepFailure) {
        do { try body() } catch { throw StepFailure(.action, error.description) }
    }
}

extension StepResult {
    /// Marks the result failed for `failure`.
    mutating func fail(_ failure: StepFailure) {
        status = .failed
        error = failure.shown
        cause = failure.message
        if failure.kind != failureKind { failureKind = failure.kind }
        if failure.diagnostic != nil || diagnostic != nil { diagnostic = failure.diagnostic }
    }
}
