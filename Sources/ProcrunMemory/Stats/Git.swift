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
        // Room for a whole procedure file (8 MiB at most) from `git show`.
        spec.outputLimit = 32 << 20
        do {
            let result = try ProcessRunner.run(spec)
            return Output(status: result.exitCode, stdout: result.stdout.text, stderr: result.stderr.text, bytes: result.stdout.bytes)
        } catch {
            throw Diagnostic(LearningProblem.gitNotRun(reason: error.message))
        }
    }

    /// Runs `git ARGUMENTS` in `folder` and returns its standard output; throws, with git's own
    /// message, when it fails.
    package static func output(_ arguments: [String], in folder: String? = nil) throws(Diagnostic) -> Output {
        let output = try run(arguments, in: folder)
        guard output.status == 0 else {
            let message = output.stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(output.status)"
            throw Diagnostic(LearningProblem.gitFailed(command: arguments.first ?? "", message: message.trimmingSpaces()))
        }
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
