extension Procedure {
    /// The steps that call another procedure, in order, with their calls.
    package var procedureCalls: [(step: Step, call: ProcedureCall)] {
        allSteps.compactMap { step in
            if case .procedure(let call) = step.call { return (step, call) }
            return nil
        }
    }
}
