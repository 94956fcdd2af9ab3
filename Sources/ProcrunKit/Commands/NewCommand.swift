package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun new NAME`: writes a skeleton procedure, `NAME.yaml` at the library's root, that passes
/// `procrun check` and runs: the schema modeline, an input, and one step with an expectation.
/// An existing procedure of that name, or file, is never overwritten.
package struct NewCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new procedure: write a checked skeleton NAME.yaml into the library (never over an existing one).",
        discussion: """
            Examples:
              # write a checked skeleton, procedures/deploy_api.yaml
              procrun new deploy_api --description "Deploy the API"
            """)

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedure's name.
    @Argument(help: "The procedure's name: letters, digits, '_' and '-', starting with a letter.")
    var name: String
    /// `--description TEXT`.
    @Option(help: ArgumentHelp("What the procedure does and when to use it.", valueName: "TEXT"))
    var description: String?
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A command as the command line gives it (the name is required).
    package init() {}

    /// Writes the skeleton; 0 when written, 2 when the name is invalid or taken.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        let store: ProcedureStore
        let plan: ProcedureStore.Plan
        let text = Self.skeleton(name: name, description: description)
        do {
            store = ProcedureStore(library: try Library.locate(override: library.path))
            try refuseTaken(store)
            plan = try store.plan(name, policy: .refuse)
            _ = try store.validate(text, at: plan.path)
            try store.write(text, plan: plan)
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        stdout.write("created \(plan.path); edit its steps, then run it: procrun \(plan.path)\n")
        stdout.flush()
        return ExitStatus.success
    }

    /// Refuses a name a procedure of the library has, or a file that exists (``ProcedureStore``'s
    /// own refusals offer `record`'s `--force`, which `new` does not have).
    private func refuseTaken(_ store: ProcedureStore) throws(DiagnosticsError) {
        let target = store.path(for: name)
        if FileSystem.exists(target) {
            throw DiagnosticsError([Diagnostic(CommandProblem.fileExists(path: target))])
        }
        guard NodeReader.isIdentifier(name) else { return }
        if let other = LibraryIndex(root: store.library.root).documents.first(where: { $0.summary.name == name }) {
            throw DiagnosticsError([Diagnostic(CommandProblem.nameTaken(name: name, path: other.path))])
        }
    }

    /// The skeleton's text.
    static func skeleton(name: String, description: String?) -> String {
        let description = description.flatMap { $0.isEmpty ? nil : $0 } ?? "What \(name) does, and when to use it."
        return """
            \(JSONSchema.modeline)
            name: \(name)
            description: \(YAMLQuoting.scalar(description))
            tags: []

            inputs:
              target:
                type: string
                description: what the procedure works on
                default: world

            steps:
              - id: hello
                action: shell
                parameters:
                  command: echo "\(name) works on {{ inputs.target }}"
                expect: {exit_code: 0, contains: works on}
                timeout: 1m

            """
    }
}
