import ProcrunLanguage
import ProcrunMemory
import ProcrunText

extension GitSetupCommand {
    /// A warning for each `.env` file marked `secret: true` (by `procrun.yaml` or a procedure of
    /// `library`) that git tracks in the repository at `top`, at the place that names it. Files
    /// that do not load are passed over: `procrun check` reports them.
    static func trackedSecrets(of library: Library, top: String, renderer: inout DiagnosticRenderer) -> [Diagnostic] {
        var named: [(file: SourceFile, secret: Located<String>)] = []
        if let config = library.configFile { named += library.environment.secretFiles.map { (config, $0) } }
        let index = ProcedureIndex(root: library.root)
        for file in LibraryLayout.files(under: library.root) {
            guard let procedure = try? CallGraph(library: library, index: index).load(path: file.path) else { continue }
            named += procedure.environment.secretFiles.map { (procedure.file, $0) }
        }
        guard !named.isEmpty else { return [] }
        let paths = named.map { FileSystem.realPath($0.secret.value) ?? $0.secret.value }
        guard let listed = try? Git.output(["ls-files", "-z", "--full-name", "--"] + paths, in: top) else { return [] }
        let tracked = Set(listed.stdout.split(separator: "\0").map { FileSystem.join(FileSystem.realPath(top) ?? top, String($0)) })
        var warnings: [Diagnostic] = []
        for ((file, secret), path) in zip(named, paths) where tracked.contains(path) {
            renderer.add(file)
            warnings.append(Diagnostic(LearningProblem.trackedSecretFile(path: secret.value), .warning, path: file.path, at: secret.location))
        }
        return warnings
    }
}
