extension CommandCall {
    /// The variables procrun sets for this command (the step's `env`, the procedure's and the
    /// library's `env` and `.env` values) that the command reads inside arithmetic while their value
    /// may not be an integer: found before the run, as templated values inside arithmetic are.
    func arithmeticEnvironmentDiagnostics(
        procedure: EnvironmentSettings, library: EnvironmentSettings, scope: NameShape, file: SourceFile, libraryFile: SourceFile?
    ) -> [Diagnostic] {
        // Each variable's last setting wins, as at run time; where it is set, if in a YAML file.
        var settings: [String: (integer: Bool, field: TemplateField?, file: SourceFile?)] = [:]
        for (layer, layerFile) in [(library, libraryFile), (procedure, file)] {
            for loaded in layer.loaded { settings[loaded.name] = (ShellPlanner.isPlainInteger(loaded.value), nil, nil) }
            for (name, field) in layer.values { settings[name] = (Self.isInteger(field, in: scope), field, layerFile) }
        }
        for (name, field) in environment { settings[name] = (Self.isInteger(field, in: scope), field, file) }
        let suspects = settings.filter { !$0.value.integer }
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
            let message = ShellPlanner.arithmeticEnvironmentMessage(name)
            let (_, field, settingFile) = suspects[name]!
            if let field, let settingFile, settingFile.path == file.path {
                return .error(.commandSyntax, message, in: file, at: field.node.location(ofTextOffset: 0, in: file))
            }
            return .error(.commandSyntax, message, in: file, at: commandField.node.location(ofTextOffset: 0, in: file))
        }
    }

    /// Whether an `env` value will be an integer: a literal integer, or one expression whose type
    /// is an integer or not known before the run (the run checks those).
    private static func isInteger(_ field: TemplateField, in scope: NameShape) -> Bool {
        if field.template.isLiteral { return ShellPlanner.isPlainInteger(field.template.source) }
        let type = field.template.infer(in: scope)
        return type == .integer || type == .any
    }
}
