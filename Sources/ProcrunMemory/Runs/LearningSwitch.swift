package import ProcrunLanguage
package import ProcrunText

/// Whether a run is learned from (its stats written into the procedure file): one answer for every
/// way of running.
///
/// In order, the first that says something decides: `--learn` or `--no-learn` on the command line,
/// `PROCRUN_LEARN` in the environment (`1`/`true` on, `0`/`false` off: for CI jobs and scratch
/// clones), `learn:` in the library's `procrun.yaml`; otherwise runs are learned from.
package enum LearningSwitch {
    /// The name of the environment variable.
    package static let variable = "PROCRUN_LEARN"

    /// The decision for a run: `flag` is `--learn` (true), `--no-learn` (false) or neither (nil);
    /// `environment` is `PROCRUN_LEARN`'s value. Throws for a value of it that is not understood.
    package static func isOn(flag: Bool?, environment: String?, library: Library) throws(Diagnostic) -> Bool {
        if let flag { return flag }
        if let value = environment, !value.isEmpty {
            switch value {
            case "1", "true": return true
            case "0", "false": return false
            default: throw Diagnostic(LearningProblem.learnSwitch(variable: variable, found: value))
            }
        }
        return library.learn ?? true
    }
}
