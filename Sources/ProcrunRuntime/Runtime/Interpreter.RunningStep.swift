import ProcrunLanguage
import ProcrunText

extension Interpreter {
    /// What the actions' context reads of the step whose action runs now, taken from the step as
    /// a few small values (copying the whole step for each action cost more than running `log`).
    struct RunningStep {
        /// The step's own `timeout`, nil for none.
        let timeout: Duration?
        /// Whether processes the step leaves running are left alone when the run ends.
        let keepRunning: Bool
        /// The step's id, if it has one.
        let id: String?
        /// The step's 0-based position in the procedure.
        let index: Int

        /// The facts of `step`.
        init(_ step: borrowing Step) {
            // (Most steps keep every rare setting at its default: nothing more to read.)
            let isPlain = step.hasDefaultSettings
            timeout = isPlain ? nil : step.timeout
            keepRunning = isPlain ? false : step.keepRunning
            id = step.id?.value
            index = step.index
        }

        /// How reports name the step: its id, or `#N`.
        var displayName: String { id ?? "#\(index + 1)" }
    }
}
