package import ProcrunLanguage
package import ProcrunSystem

/// Receives a run's progress as it happens: the terminal view, `--verbose` streaming and the step
/// events of `procrun run --events-fd` use it.
package protocol RunObserver: AnyObject {
    /// A step is about to run (after its `when` held).
    func stepStarted(_ step: Step, of procedure: Procedure)
    /// A step finished, was skipped, or failed.
    func stepFinished(_ result: StepResult, step: Step, of procedure: Procedure)
    /// The procedure's precondition `result` did not hold: nothing of it runs.
    func preconditionFailed(_ result: StepResult, of procedure: Procedure)
    /// A `log` step printed a message.
    func logged(_ message: String, level: LogLevel)
    /// A command wrote output (only called when streaming is asked for).
    func commandOutput(_ bytes: UnsafeRawBufferPointer, stream: OutputStream)
    /// A step of `procedure` is about to run `callee`; the callee's steps are reported next.
    func procedureCallStarted(_ callee: Procedure, step: Step, of procedure: Procedure)
    /// The callee's run ended; the call step itself is reported next.
    func procedureCallFinished(_ report: RunReport, step: Step, of procedure: Procedure)
    /// A parallel group is still running after one of its steps was reported: `done` of its
    /// `total` steps have finished, and it started at `started`.
    func groupRunning(_ step: Step, done: Int, of total: Int, since started: ContinuousClock.Instant, of procedure: Procedure)
    /// At the end of the run, the processes `step` (`procedure › step`) had left running in process
    /// group `group` were ended.
    func leftoverProcessesEnded(group: Int32, step: String)
}

extension RunObserver {
    package func stepStarted(_ step: Step, of procedure: Procedure) {}
    package func preconditionFailed(_ result: StepResult, of procedure: Procedure) {}
    package func logged(_ message: String, level: LogLevel) {}
    package func commandOutput(_ bytes: UnsafeRawBufferPointer, stream: OutputStream) {}
    package func procedureCallStarted(_ callee: Procedure, step: Step, of procedure: Procedure) {}
    package func procedureCallFinished(_ report: RunReport, step: Step, of procedure: Procedure) {}
    package func leftoverProcessesEnded(group: Int32, step: String) {}
    package func groupRunning(_ step: Step, done: Int, of total: Int, since started: ContinuousClock.Instant, of procedure: Procedure) {}
}
