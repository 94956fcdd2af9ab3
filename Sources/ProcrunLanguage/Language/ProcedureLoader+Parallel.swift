import ProcrunText

extension ProcedureLoader {
    /// Reads a step with `parallel:` (and no `action`): its group of steps, `max` and `fail_fast`,
    /// and the few step keys a group takes (`id`, `when`, `notes`, `on_failure`). A group's steps
    /// are normal steps, except that they cannot be groups themselves or `set` variables (steps
    /// side by side have no order in which their variables would be set).
    func readGroup(_ pair: YAMLPair, _ pairs: [YAMLPair], node: YAMLNode, index: Int, what: String, hasAction: Bool, reader: inout NodeReader) -> Step? {
        if hasAction {
            reader.error(.actionAndParallel(what: what), at: pair.keyStart)
            return nil
        }
        var group = ParallelGroup(steps: [])
        var step = Step(index: index, location: node.start, action: Located("parallel", at: pair.keyStart), call: .placeholder)
        for other in pairs where !ParallelGroup.stepKeys.contains(other.key) {
            reader.error(.notForGroup(key: other.key), at: other.keyStart)
        }
        for other in pairs where other.key != "parallel" && ParallelGroup.stepKeys.contains(other.key) {
            readSetting(other.key, other.value, into: &step, reader: &reader)
        }
        guard let settings = reader.mapping(pair.value, "'parallel'", keys: ParallelGroup.keys) else { return nil }
        var sawSteps = false
        for setting in settings {
            switch setting.key {
            case "steps":
                sawSteps = true
                group.steps = readSteps(setting.value, "'parallel.steps'", label: "step", inGroup: true, reader: &reader)
            case "max": group.max = reader.integer(setting.value, "'max'", in: 1...ParallelGroup.widest)
            case "fail_fast": group.failFast = reader.boolean(setting.value, "'fail_fast'")
            default: break
            }
        }
        if !sawSteps, !reader.lastMisspellings.contains("steps") {
            reader.error(.missingKey(key: "steps", in: "'parallel'"), at: pair.value.start)
        }
        for member in group.steps {
            switch member.call {
            case .parallel:
                reader.error(.nestedGroup, at: member.action.location)
            case .builtin(let action) where action is SetAction:
                reader.error(.setInGroup, at: member.action.location)
            default: break
            }
            if member.onFailure == .continue {
                reader.error(.continueInGroup, at: member.location)
            }
        }
        step.call = .parallel(group)
        return step
    }

    /// Numbers every step in file order, a group's steps right after the group, then the `finally`
    /// steps (so reports and stats count one way), marks `finally` steps and a group's members,
    /// and refuses an id used twice anywhere in the procedure.
    func numberSteps(_ procedure: inout Procedure, reader: inout NodeReader) {
        var next = 0
        var ids: [String: SourceLocation] = [:]
        func number(_ step: inout Step, isFinally: Bool, group: Int?) {
            step.index = next
            next += 1
            if isFinally { step.isFinally = true }
            if let group { step.group = group }
            // A step's needs are numbered and shown with it: in its group, among the `finally` steps.
            if !step.hasDefaultSettings, !step.needs.isEmpty {
                for position in step.needs.indices {
                    step.needs[position].index = step.index
                    if isFinally { step.needs[position].isFinally = true }
                    if let group { step.needs[position].group = group }
                }
            }
            if let id = step.id {
                if let first = ids[id.value] {
                    reader.error(.duplicateStepID(id: id.value, first: first), at: id.location)
                } else {
                    ids[id.value] = id.location
                }
            }
            guard case .parallel(var members) = step.call else { return }
            let owner = step.index
            for position in members.steps.indices { number(&members.steps[position], isFinally: isFinally, group: owner) }
            step.call = .parallel(members)
        }
        for position in procedure.steps.indices { number(&procedure.steps[position], isFinally: false, group: nil) }
        for position in procedure.finally.indices { number(&procedure.finally[position], isFinally: true, group: nil) }
    }
}
