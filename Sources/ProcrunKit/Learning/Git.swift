/// Runs `git` for the learning layer's git features (the merge driver, `procrun git-setup`).
enum Git {
    /// Runs `git ARGUMENTS` in `folder`; throws when git cannot be started.
    static func run(_ arguments: [String], in folder: String? = nil) throws(Diagnostic) -> Output {
        var spec = ProcessSpec(arguments: ["git"] + arguments, workingDirectory: folder, timeout: .seconds(120))
        spec.extraEnvironment = [("LC_ALL", "C")]
        do {
            let result = try ProcessRunner.run(spec)
            return Output(status: result.exitCode, stdout: result.stdout.text, stderr: result.stderr.text)
        } catch {
            throw Diagnostic(.error, "cannot run git: \(error.message)")
        }
    }
}
