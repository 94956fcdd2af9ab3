import ProcrunText

/// `write_file`: writes a file inside the library folder (unless the step allows more). Outcome:
/// the path written.
final class WriteFileAction: BuiltinAction {
    static let declaration = ActionDeclaration(
        "write_file", "Writes a file. Outcome: the path written.",
        parameters: [
            ActionParameter(
                "path", .template, .required,
                "relative paths are taken from the procedure file's folder; the path must stay inside the library folder (after `..` and symbolic links: [the library rule](#the-library)), else the step fails before anything is written; a literal path that breaks this rule (or the `library_files` one) is an error of the file, found by `procrun check` and before step 1"
            ),
            ActionParameter("content", .template, .required, "the text to write"),
            ActionParameter("append", .boolean, .value(.boolean(false)), "append instead of replacing"),
            ActionParameter("mode", .octal, .value(.string("0644")), "octal permissions for a new file"),
            ActionParameter("create_dirs", .boolean, .value(.boolean(false)), "create missing parent folders"),
            ActionParameter(
                "outside_library", .boolean, .value(.boolean(false)),
                "allow a path outside the library folder (for example under `/tmp`); written in the file, so a reviewer sees it"),
            ActionParameter(
                "library_files", .boolean, .value(.boolean(false)),
                "allow the path to name the library's own files: its `procrun.yaml`, an existing procedure file, or anything under a `.procrun/` folder (locks, run records, caches); otherwise such a path (a templated one given `procrun.yaml`, say) fails the step before anything is written"
            ),
        ])
    static let hasEffects = true

    /// Where to write.
    let path: TemplateField
    /// What to write.
    let content: TemplateField
    /// Append instead of replacing.
    let append: Bool
    /// Permissions for a new file (`0644` by default).
    let mode: UInt32
    /// Create missing parent folders.
    let createDirectories: Bool
    /// `outside_library`: the path may lie outside the library folder.
    let outsideLibrary: Bool
    /// `library_files`: the path may name the library's own files (`procrun.yaml`, a procedure, `.procrun/`).
    let libraryFiles: Bool

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        guard let path = parameters.field("path", reader: &reader), let content = parameters.field("content", reader: &reader) else { return nil }
        self.path = path
        self.content = content
        append = parameters.boolean("append", reader: &reader) ?? false
        createDirectories = parameters.boolean("create_dirs", reader: &reader) ?? false
        outsideLibrary = parameters.boolean("outside_library", reader: &reader) ?? false
        libraryFiles = parameters.boolean("library_files", reader: &reader) ?? false
        var mode: UInt32 = 0o644
        if let node = parameters.node("mode") {
            if let text = reader.string(node.node, "parameter 'mode'"), let value = UInt32(text, radix: 8), value <= 0o7777 {
                mode = value
            } else {
                reader.error(.fileMode, at: node.node.start)
            }
        }
        self.mode = mode
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        fields += [path, content]
    }

    var preview: String? { nil }

    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        let content = try context.string(content)
        result.outcome = "\(append ? "append" : "write") \(content.utf8.count) bytes to \(try context.string(path))"
    }

    func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? { nil }

    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        let path = FileSystem.join(context.directory, try context.string(path))
        if let refused = refusal(of: path, shown: path, library: context.libraryDirectory, shownLibrary: context.libraryRoot) { throw StepFailure(refused) }
        if createDirectories { try Self.wrap { () throws(FileSystem.Failure) in try FileSystem.createDirectories(FileSystem.directory(of: path)) } }
        let content = Array(try context.string(content).utf8)
        try Self.wrap { () throws(FileSystem.Failure) in try FileSystem.write(content, to: path, append: append, mode: mode) }
        result.outcome = path
    }

    /// Why the step refuses to write `path` (absolute, or relative to the current folder; `shown`
    /// as messages name it) in the library at `library` (`shownLibrary` as given), or nil: a path
    /// outside the library without `outside_library`, one of its own files without `library_files`.
    func refusal(of path: String, shown: String, library: String, shownLibrary: String) -> StepProblem? {
        if !outsideLibrary, !LibraryLayout.holds(path, root: library) { return .writeOutsideLibrary(path: shown, library: shownLibrary) }
        if !libraryFiles, let own = LibraryLayout.ownFile(path, root: library) { return .writeLibraryFile(path: shown, what: own) }
        return nil
    }

    /// A literal path the step would refuse is an error before the run (a templated one is
    /// known only when the step runs).
    func checkPaths(from directory: String, library root: String, file: SourceFile) -> [Diagnostic] {
        guard path.template.isLiteral else { return [] }
        let written = path.template.source
        guard let refused = refusal(of: FileSystem.join(directory, written), shown: written, library: root, shownLibrary: root) else { return [] }
        return [.error(LanguageProblem.refusedPath(refused), in: file, at: path.node.start)]
    }

    /// A file system failure as the step's.
    private static func wrap(_ body: () throws(FileSystem.Failure) -> Void) throws(StepFailure) {
        do { try body() } catch { throw StepFailure(.action, error.description) }
    }
}
