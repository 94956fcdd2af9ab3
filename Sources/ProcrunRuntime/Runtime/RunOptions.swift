/// How the interpreter runs a procedure.
package struct RunOptions: Sendable {
    /// Stream each command's output to the observer as it comes.
    package var streamOutput = false
    /// The longest a step may run when it sets no `timeout` of its own (`--timeout`); nil leaves it
    /// to the library's `defaults.timeout`.
    package var defaultTimeout: Duration?
    /// Describe side-effecting steps instead of running them.
    package var dryRun = false
    /// Run every step and procedure whose up-to-date check holds (`--force`); their fingerprints
    /// are still stored after they succeed.
    package var force = false
    /// The needs run so far (`needs:`): shared by the procedures of one `procrun` invocation, so
    /// that each need runs once in it.
    package var needs = NeedRegistry()

    /// The defaults.
    package init() {}
}
