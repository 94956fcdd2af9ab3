extension Interpreter {
    /// Refuses a command that evaluates as arithmetic a variable procrun set (`env`, a `.env` file)
    /// to text that is not a plain integer: bash would evaluate that text as an expression and run
    /// any `$(...)` in a subscript of it. The rule templated values follow (grammar.md, "Shell
    /// safety"), held for the environment. `environment` is what procrun adds, later entries winning.
    func refuseArithmeticEnvironment(_ call: CommandCall, arguments: [String], environment: [(String, String)], file: SourceFile?) throws(StepFailure) {
        var values: [String: String] = [:]
        for (name, value) in environment { values[name] = value }
        let suspects = values.filter { !ShellPlanner.isPlainInteger($0.value) }
        guard !suspects.isEmpty else { return }
        let names: Set<String>
        switch call.command {
        case .line(let field):
            guard suspects.keys.contains(where: field.template.source.contains) else { return }
            if let known = arithmeticNamesByCommand[field.template.source] {
                names = known
            } else {
                names = ShellPlanner.arithmeticNames(in: field.template)
                arithmeticNamesByCommand[field.template.source] = names
            }
        case .arguments:
            names = ShellPlanner.arithmeticNames(inArguments: arguments)
        }
        guard let name = suspects.keys.filter(names.contains).min() else { return }
        let message = ShellPlanner.arithmeticEnvironmentMessage(name) + "; its value is not one"
        switch call.command {
        case .line(let field):
            let source = file ?? procedure.file
            throw StepFailure(.action, .error(.commandSyntax, message, in: source, at: field.node.location(ofTextOffset: 0, in: source)))
        case .arguments:
            throw StepFailure(.action, message)
        }
    }
}
