import ProcrunSystem
import ProcrunText

extension CommandCall {
    /// The variables procrun sets for this command (its own `env` over the `inherited` ones) that
    /// the command reads inside arithmetic while their value may not be an integer: found before
    /// the run, as templated values inside arithmetic are.
    func arithmeticEnvironmentDiagnostics(inherited: [String: EnvironmentSetting], scope: NameShape, file: SourceFile) -> [Diagnostic] {
        var suspects = inherited.filter { !$0.value.integer }
        for (name, field) in environment {
            let setting = EnvironmentSetting(integer: EnvironmentSetting.isInteger(field, in: scope), field: field, file: file)
            suspects[name] = setting.integer ? nil : setting
        }
        guard !suspects.isEmpty else { return [] }
        let names: Set<String>
        let commandField: TemplateField
        switch command {
        case .line(let field):
            guard suspects.keys.contains(where: field.template.source.contains) else { return [] }
            names = ShellPlanner.arithmeticNames(in: field.template)
            commandField = field
        case .arguments(let items):
            guard let first = items.first else { return [] }
            names = ShellPlanner.arithmeticNames(inArguments: items.map { $0.template.isLiteral ? $0.template.source : "0" })
            commandField = first
        }
        return suspects.keys.filter(names.contains).sorted().map { name in
            // At the value when it is set in this file, else at the command that reads it.
            let setting = suspects[name]
            let place = setting?.file?.path == file.path ? setting?.field ?? commandField : commandField
            return place.diagnostic(TemplateProblem.commandSyntax(ShellPlanner.arithmeticEnvironmentMessage(name)), at: 0, in: file)
        }
    }
}
