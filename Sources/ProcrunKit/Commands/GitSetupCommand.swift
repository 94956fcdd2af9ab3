package import ArgumentParser
import Glibc
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun git-setup [FOLDER]`: installs the stats merge driver in a git repository, idempotently.
///
/// It adds `PATTERN merge=procrun` lines to the repository's top-level `.gitattributes` (only those
/// missing) and sets `merge.procrun.name` and `merge.procrun.driver` in the repository's own git
/// config. A hosting service's merge button runs no custom driver: merge such branches locally.
package struct GitSetupCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Install procrun's stats merge driver in a git repository (.gitattributes and git config).",
        discussion: "A hosting service's merge button does not run custom merge drivers: merge such branches locally.")

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The file patterns the driver is installed for when `--pattern` gives none.
    static let defaultPatterns = ["*.yaml", "*.yml"]

    /// A folder inside the repository.
    @Argument(help: "A folder inside the repository.")
    var folder = "."
    /// `--pattern GLOB` (repeatable).
    @Option(
        name: .customLong("pattern"),
        help: ArgumentHelp(
            "A file pattern for the procedure files (repeatable; default \(GitSetupCommand.defaultPatterns.joined(separator: " and "))).", valueName: "GLOB"))
    var givenPatterns: [String] = []
    /// The program git runs as the driver (default: this procrun executable's absolute path).
    @Option(help: ArgumentHelp("The program git runs as the driver (default: this executable's absolute path).", valueName: "PATH"))
    var program: String?

    /// A setup of the repository holding the current folder.
    package init() {}

    /// The file patterns the driver is installed for.
    var patterns: [String] {
        givenPatterns.isEmpty ? Self.defaultPatterns : givenPatterns
    }

    /// Installs; 0 on success, 2 when the folder is not in a git repository or a file cannot be written.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        do throws(Diagnostic) {
            let top = try Git.run(["rev-parse", "--show-toplevel"], in: folder)
            guard top.status == 0 else {
                throw Diagnostic(LearningProblem.notInRepository(folder: folder, message: top.stderr.trimmingSpaces()))
            }
            let root = top.stdout.trimmingSpaces()
            let attributes = FileSystem.join(root, ".gitattributes")
            let existing = (try? FileSystem.read(attributes)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let present = Set(existing.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0).trimmingSpaces() })
            let missing = patterns.map { "\($0) merge=procrun" }.filter { !present.contains($0) }
            if !missing.isEmpty {
                let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
                do {
                    try FileSystem.write(Array((separator + missing.joined(separator: "\n") + "\n").utf8), to: attributes, append: true)
                } catch {
                    throw Diagnostic(CommandProblem.fileOperation(reason: error.description))
                }
            }
            let driver = ShellQuote.word(program ?? Self.executablePath()) + " merge-driver %O %A %B %L %P %S %X %Y"
            for (key, value) in [("merge.procrun.name", "procrun: merge procedure stats"), ("merge.procrun.driver", driver)] {
                let set = try Git.run(["config", "--local", key, value], in: root)
                guard set.status == 0 else { throw Diagnostic(LearningProblem.gitFailed(command: "config \(key)", message: set.stderr.trimmingSpaces())) }
            }
            stdout.write(missing.isEmpty ? "\(attributes): already set up\n" : "\(attributes): added \(missing.joined(separator: ", "))\n")
            stdout.write("git config merge.procrun.driver: \(driver)\n")
            stdout.write("note: a hosting service's merge button does not run this driver; merge such branches locally and push\n")
            stdout.flush()
            return ExitStatus.success
        } catch {
            return stderr.reject(error, DiagnosticRenderer())
        }
    }

    /// The absolute path of the running executable.
    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "procrun" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
