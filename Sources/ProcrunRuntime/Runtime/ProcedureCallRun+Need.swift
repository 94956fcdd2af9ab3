import ProcrunLanguage
import ProcrunText

extension ProcedureCallRun {
    /// Runs a need (``ProcrunLanguage/Step/isNeed``): `callee` with `inputs`, unless a need of the
    /// same file with the same inputs ran (or runs) in this `procrun` run, whose outcome it then
    /// takes (waiting for it to end), marked ``StepResult/ranEarlier``.
    func runNeed(_ callee: Procedure, inputs: [String: Value], into result: inout StepResult) throws(StepFailure) {
        let name = callee.name.value
        let key = NeedRegistry.key(file: call.callee?.key ?? CallGraph.key(of: callee.file.path), inputs: inputs)
        if let start = caller.needChain.firstIndex(where: { $0.key == key }) {
            throw StepFailure(StepProblem.needCycle(chain: caller.needChain[start...].map(\.name) + [name]))
        }
        result.calledProcedure = name
        let registry = caller.options.needs
        if let earlier = registry.claim(key) {
            result.ranEarlier = true
            result.outputs = earlier.outputs
            result.outcome = earlier.outputs.isEmpty ? "" : Value.mapping(earlier.outputs).jsonText
            if !earlier.succeeded { throw StepFailure(StepProblem.needFailedEarlier(procedure: name)) }
            return
        }
        do {
            try run(callee, inputs: inputs, need: (key, name), into: &result)
        } catch {
            registry.finish(key, with: NeedRegistry.Outcome(succeeded: false, outputs: [:]))
            throw error
        }
        registry.finish(key, with: NeedRegistry.Outcome(succeeded: true, outputs: result.outputs))
    }
}
