import ProcrunLanguage
import ProcrunSystem
package import ProcrunText

/// Runs `git` for the learning layer's git features (the merge driver, `procrun git-setup`,
/// `procrun review`, `procrun resolve`).
package enum Git {
    /// Runs `git ARGUMENTS` in `folder`; throws when git cannot be started.
    package static func run(_ arguments: [String], in folder: String? = nil) throws(Diagnostic) -> Output {
        var spec = ProcessSpec(arguments: ["git"] + arguments, workingDirectory: folder, timeout: .seconds(120))
        spec.extraEnvironment = [("LC_ALL", "C")]
        // Room for a whole procedure file (8 MiB at most) from `git show`, or a long `git log`.
        spec.outputLimit = 64 << 20
        let result: ProcessResult
        do {
            result = try ProcessRunner.run(spec)
        } catch {
            throw Diagnostic(LearningProblem.gitNotRun(reason: error.message))
        }
        // Output cut in its middle would be read as something git did not say.
        if result.stdout.truncated {
            throw Diagnostic(LearningProblem.gitFailed(command: command(arguments), message: "it printed more than \(spec.outputLimit >> 20) MiB"))
        }
        return Output(status: result.exitCode, stdout: result.stdout.text, stderr: result.stderr.text, bytes: result.stdout.bytes)
    }

    /// Runs `git ARGUMENTS` in `folder` with `input` on its standard input, handing its standard
    /// output to `each` chunk by chunk as it arrives (on the calling thread, before this returns)
    /// and keeping none of it, so that memory stays bounded however much git prints; throws, with
    /// git's own message, when git cannot start or fails.
    package static func stream(
        _ arguments: [String], input: [UInt8], in folder: String? = nil, each: @escaping @Sendable (UnsafeRawBufferPointer) -> Void
    ) throws(Diagnostic) {
        var spec = ProcessSpec(arguments: ["git"] + arguments, workingDirectory: folder, standardInput: input)
        spec.extraEnvironment = [("LC_ALL", "C")]
        spec.outputLimit = 64 << 10
        spec.onOutput = { stream, bytes in if stream == .stdout { each(bytes) } }
        let result: ProcessResult
        do {
            result = try ProcessRunner.run(spec)
        } catch {
            throw Diagnostic(LearningProblem.gitNotRun(reason: error.message))
        }
        guard result.exitCode == 0 else { throw failure(arguments, status: result.exitCode, stderr: result.stderr.text) }
    }

    /// git's command among `arguments`: the first word that is no option (`log` in
    /// `--literal-pathspecs log ...`).
    private static func command(_ arguments: [String]) -> String {
        arguments.first { !$0.hasPrefix("-") } ?? ""
    }

    /// The error of a git command that failed: its command and the first line it printed.
    private static func failure(_ arguments: [String], status: Int32, stderr: String) -> Diagnostic {
        let message = stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
        return Diagnostic(LearningProblem.gitFailed(command: command(arguments), message: message.trimmingSpaces()))
    }

    /// Runs `git ARGUMENTS` in `folder` and returns its standard output; throws, with git's own
    /// message, when it fails.
    package static func output(_ arguments: [String], in folder: String? = nil) throws(Diagnostic) -> Output {
        let output = try run(arguments, in: folder)
        guard output.status == 0 else { throw failure(arguments, status: output.status, stderr: output.stderr) }
        return output
    }

    /// The top folder of the repository holding `folder`; throws when there is none.
    package static func topLevel(of folder: String) throws(Diagnostic) -> String {
        let top = try run(["rev-parse", "--show-toplevel"], in: folder)
        guard top.status == 0 else {
            throw Diagnostic(LearningProblem.notInRepository(folder: folder, message: top.stderr.trimmingSpaces()))
        }
        return top.stdout.trimmingSpaces()
    }

    /// The NUL-separated names `git ... -z` printed.
    package static func names(_ output: Output) -> [String] {
        output.stdout.split(separator: "\0").map(String.init)
    }
}
