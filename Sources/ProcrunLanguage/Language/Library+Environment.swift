import ProcrunText

extension Library {
    /// The templates of `procrun.yaml`'s `env` may read the process environment, the values of
    /// its `.env` files and the variables written above them.
    func checkEnvironment(file: SourceFile, reader: inout NodeReader) {
        let process = FileSystem.environment().mapValues { _ in NameShape.value(.string) }
        let problems = environment.problems(roots: [:], inherited: process, defined: [])
        reader.append(problems.map { $0.field.diagnostic($0.error, in: file) })
    }
}
