import ProcrunText

extension Library {
    /// The templates of `procrun.yaml`'s `env` may read the process environment and the values of
    /// its `.env` files.
    func checkEnvironment(file: SourceFile, reader: inout NodeReader) {
        var names = FileSystem.environment().mapValues { _ in NameShape.value(.string) }
        for name in environment.loaded.map(\.name) { names[name] = .value(.string) }
        let scope = NameShape.object(["env": .object(names, open: false, optionalWithDefault: true)], open: false, optionalWithDefault: false)
        for (name, field) in environment.values {
            reader.append(field.template.check(in: scope).map { field.diagnostic($0, in: file) })
            names[name] = .value(.string)
        }
    }
}
