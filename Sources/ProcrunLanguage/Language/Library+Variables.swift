import ProcrunText

extension Library {
    /// What the templates of `procrun.yaml`'s `vars` may read besides the variables above them:
    /// `env` (the variables of `process`, of the library's `.env` files and of its `env`) and `os`.
    func variableRoots(process: [String: String]) -> [String: NameShape] {
        var names = process.mapValues { _ in NameShape.value(.string) }
        for name in environment.names { names[name] = .value(.string) }
        return ["env": .object(names, open: false, optionalWithDefault: true), "os": Platform.shape]
    }

    /// `procrun.yaml`'s variables checked with the process environment `process`: their problems
    /// and their shapes, which the library's procedures read as `vars`.
    func checkedVariables(process: [String: String]) -> Variable.Checked {
        guard let configFile, !variables.isEmpty else { return Variable.Checked() }
        return Variable.check(variables, roots: variableRoots(process: process), inherited: [:], file: configFile)
    }
}
