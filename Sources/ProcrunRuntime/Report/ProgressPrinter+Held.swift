import ProcrunLanguage

extension ProgressPrinter {
    /// In a pipe, starts holding what the steps of `step`'s parallel group print, unless already
    /// holding them (a group's steps report one after another, each in one piece).
    func hold(_ step: Step, of procedure: Procedure) {
        guard !live, step.group != nil, held.last?.depth != outer.count else { return }
        // A group of `finally` steps comes under the `finally` line.
        announceFinally(step, of: procedure)
        held.append(HeldGroup(depth: outer.count))
    }

    /// Puts aside what a parallel group's step printed, once it has finished.
    func release(_ step: Step) {
        // A need of a group's step is printed with that step, before it.
        guard step.group != nil, !step.isNeed, let last = held.indices.last, held[last].depth == outer.count else { return }
        held[last].members.append((step.index, held[last].current))
        held[last].current = []
    }

    /// When a parallel group ends, prints what its steps printed, in file order, before its line.
    func releaseGroup(_ step: Step) {
        guard step.isGroup, let last = held.last, last.depth == outer.count else { return }
        held.removeLast()
        emit(Array(last.text.utf8))
    }
}
