package import ArgumentParser
import Glibc
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunSystem
import ProcrunText

/// `procrun git-setup [FOLDER]`: makes a git repository work with its procedure library,
/// idempotently.
///
/// It claims the library's procedure files for the stats merge driver in the repository's
/// top-level `.gitattributes`, keeps procrun's own folders (`.procrun/`) out of git in its
/// `.gitignore`, sets `merge.procrun.name` and `merge.procrun.driver` (running `procrun` from
/// PATH) in the repository's own git config, and warns about `.env` files marked `secret: true`
/// that git tracks. A hosting service's merge button runs no custom driver: merge such branches
/// locally.
package struct GitSetupCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Set up a git repository for its procedure library (merge driver, .gitattributes, .gitignore).",
        discussion: "A hosting service's merge button does not run custom merge drivers: merge such branches locally.")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// A folder inside the repository.
    @Argument(help: "A folder inside the repository (default: the current folder).", completion: .directory)
    var folder = "."
    /// `--library DIR`: the library whose files the driver claims.
    @OptionGroup var library: LibraryOption
    /// `--pattern GLOB` (repeatable).
    @Option(
        name: .customLong("pattern"),
        help: ArgumentHelp("A file pattern for the procedure files, instead of the library's own (repeatable).", valueName: "GLOB"))
    var givenPatterns: [String] = []
    /// The program git runs as the driver (default: `procrun`, found on PATH when git runs it).
    @Option(help: ArgumentHelp("The program git runs as the driver (default: procrun, found on PATH).", valueName: "PATH"))
    var program: String?

    /// A setup of the repository holding the current folder.
    package init() {}

    /// Sets up; 0 on success (warnings included), 2 when the folder is not in a git repository or
    /// a file cannot be written.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer()
        do throws(DiagnosticsError) {
            let top: String
            do throws(Diagnostic) { top = try Git.topLevel(of: folder) } catch { throw DiagnosticsError([error]) }
            let found = try Library.locate(override: library.path, from: folder)
            guard let prefix = FileSystem.relative(found.root, to: top) else {
                throw DiagnosticsError([Diagnostic(LearningProblem.libraryOutsideRepository(library: found.root, top: top))])
            }
            let attributes = GitSetupFile(path: FileSystem.join(top, ".gitattributes"))
            let lines = givenPatterns.isEmpty ? Self.claims(of: prefix) : givenPatterns.map { "\($0) merge=procrun" }
            stdout.write(try attributes.update(adding: lines, removing: Self.formerClaims.filter { !lines.contains($0) }))
            stdout.write(try GitSetupFile(path: FileSystem.join(top, ".gitignore")).update(adding: [ProcrunFolder.name + "/"], also: [ProcrunFolder.name]))
            let driver = ShellQuote.word(program ?? "procrun") + " merge-driver %O %A %B %L %P %S %X %Y"
            for (key, value) in [("merge.procrun.name", "procrun: merge procedure stats"), ("merge.procrun.driver", driver)] {
                do throws(Diagnostic) {
                    _ = try Git.output(["config", "--local", key, value], in: top)
                } catch {
                    throw DiagnosticsError([error])
                }
            }
            stdout.write("git config merge.procrun.driver: \(driver)\n")
            var warnings: [Diagnostic] = []
            if program == nil, (try? ProcessRunner.resolveProgram("procrun", spec: ProcessSpec(arguments: ["procrun"]))) == nil {
                warnings.append(Diagnostic(LearningProblem.driverNotOnPath, .warning))
            }
            warnings += Self.trackedSecrets(of: found, top: top, renderer: &renderer)
            stdout.write("note: a hosting service's merge button does not run this driver; merge such branches locally and push\n")
            stdout.flush()
            stderr.write(renderer.render(warnings))
            stderr.flush()
            return ExitStatus.success
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
    }

    /// The lines earlier versions wrote by default, claiming every YAML file of the repository:
    /// removed when the library's own lines replace them.
    static let formerClaims = ["*.yaml merge=procrun", "*.yml merge=procrun"]

    /// The `.gitattributes` lines that claim the procedure files of a library at `prefix` (a path
    /// from the repository's top, empty for the top itself) and nothing else: its YAML files, but
    /// not those in hidden folders nor its `procrun.yaml` (``LibraryLayout``'s rule).
    static func claims(of prefix: String) -> [String] {
        let folder = prefix.isEmpty ? "" : prefix + "/"
        return [
            "\(folder)**/*.yaml merge=procrun", "\(folder)**/*.yml merge=procrun", "\(folder)**/.*/** !merge",
            "\(prefix.isEmpty ? "/" : folder)\(Library.configName) !merge",
        ]
    }
}
