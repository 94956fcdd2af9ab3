import ProcrunSystem
import ProcrunText

/// How one variable procrun sets for a command is set, as the check before the run sees it.
package struct EnvironmentSetting {
    /// Whether its value will be an integer (or is of a type known only when it runs).
    var integer: Bool
    /// The `env` value that sets it, when a YAML file does (not a `.env` file).
    var field: TemplateField?
    /// The file that `field` is in.
    var file: SourceFile?

    /// The variables the library's and the procedure's `env` and `.env` files set, each as its
    /// last setting leaves it (as at run time): what every command of the procedure inherits.
    static func inherited(procedure: EnvironmentSettings, file: SourceFile, library: EnvironmentSettings, libraryFile: SourceFile?, scope: NameShape)
        -> [String: EnvironmentSetting]
    {
        var settings: [String: EnvironmentSetting] = [:]
        for (layer, layerFile) in [(library, libraryFile), (procedure, file)] {
            for loaded in layer.loaded { settings[loaded.name] = EnvironmentSetting(integer: ShellPlanner.isPlainInteger(loaded.value)) }
            for (name, field) in layer.values { settings[name] = EnvironmentSetting(integer: isInteger(field, in: scope), field: field, file: layerFile) }
        }
        return settings
    }

    /// Whether an `env` value will be an integer: a literal integer, or one expression whose type
    /// is an integer or not known before the run (the run checks those).
    static func isInteger(_ field: TemplateField, in scope: NameShape) -> Bool {
        if field.template.isLiteral { return ShellPlanner.isPlainInteger(field.template.source) }
        let type = field.template.infer(in: scope)
        return type == .integer || type == .any
    }
}
