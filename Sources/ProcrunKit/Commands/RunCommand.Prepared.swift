import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

extension RunCommand {
    /// A procedure loaded, checked and given its inputs: ready to run. Every procedure of a
    /// command line is prepared before the first one runs.
    struct Prepared {
        /// The run: the procedure's library and what it calls.
        var run: ProcedureRun
        /// The procedure.
        var procedure: Procedure
        /// Whether the run is learned from (its stats block updated).
        var learning: Bool
        /// Its inputs, bound and checked.
        var inputs: [String: Value]
        /// Where it starts (`--resume`, `--from`), or nil for the first step.
        var resume: ResumePoint?
    }
}
