import ProcrunLanguage

extension Interpreter {
    /// Takes on what every run inside this one shares with it: the helpers started, the calling
    /// step's deadline and the parallel group's cancel signal.
    func share(_ parent: Interpreter) {
        sessions = parent.sessions
        computed = parent.computed
        deadline = parent.deadline
        deadlineTimeout = parent.deadlineTimeout
        cancelDescriptor = parent.cancelDescriptor
    }

    /// How long the action of a step with `timeout` may run: that, else `--timeout`, else the
    /// library's `defaults.timeout`. A step that calls a procedure is bounded by its own `timeout`
    /// only; the default bounds each of the callee's steps instead.
    func limit(_ timeout: Duration?) -> Duration? {
        timeout ?? options.defaultTimeout ?? library.defaultTimeout
    }

    /// `timeout`, shortened to what is left before a calling step's timeout runs out.
    func timeLeft(_ timeout: Duration?) -> Duration? {
        guard let deadline else { return timeout }
        let left = max(deadline - ContinuousClock.now, .milliseconds(1))
        return timeout.map { min($0, left) } ?? left
    }
}
