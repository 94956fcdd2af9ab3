/// How a `shell` command runs: directly as an argument vector, or through a shell.
package enum ShellPlan: Sendable, Hashable {
    /// Run this argument vector directly; no shell is involved.
    case direct([String])
    /// Run `[shell, "-c", script]` with these variables added to the environment.
    case shell(script: String, environment: [Variable])

    /// The argument vector to run, given the shell used for `.shell` plans.
    package func arguments(shell: String = "/bin/sh") -> [String] {
        switch self {
        case .direct(let arguments):
            return arguments
        case .shell(let script, _):
            return [shell, "-c", script]
        }
    }

    /// The variables to add to the child's environment, in `ProcessSpec.extraEnvironment` form.
    package var extraEnvironment: [(String, String)] {
        switch self {
        case .direct:
            return []
        case .shell(_, let environment):
            return environment.map { ($0.name, $0.value) }
        }
    }
}
