extension Procedure {
    /// The steps that call another procedure, in order, with their calls.
    package var procedureCalls: [(step: Step, call: ProcedureCall)] {
        var calls: [(step: Step, call: ProcedureCall)] = []
        _ = firstStep { step in
            if case .procedure(let call) = step.call { calls.append((step, call)) }
            return false
        }
        return calls
    }
}
