extension Procedure {
    /// The steps that call another procedure, in order, with their calls: the procedure's needs
    /// first, then each step's needs before the step (needs are call steps, ``Step/isNeed``).
    package var procedureCalls: [(step: Step, call: ProcedureCall)] {
        var calls: [(step: Step, call: ProcedureCall)] = []
        func add(_ step: Step) {
            if case .procedure(let call) = step.call { calls.append((step, call)) }
        }
        needs.forEach(add)
        _ = firstStep { step in
            if !step.hasDefaultSettings { step.needs.forEach(add) }
            add(step)
            return false
        }
        return calls
    }
}
