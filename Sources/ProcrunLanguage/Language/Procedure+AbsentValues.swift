package import ProcrunText

extension Procedure {
    /// The inputs a run may leave null: neither given a default nor required.
    var inputsThatMayBeNull: Set<String> {
        Set(inputs.filter { $0.defaultValue == nil && !$0.required }.map(\.name))
    }

    /// What `procrun check` can tell the run would fail on when a value is missing, as warnings:
    /// an input that may be null read where a value is needed, an output of a step that may be
    /// skipped (or may fail and let the run go on) read where nothing catches it.
    package var absentValueWarnings: [Diagnostic] {
        let (null, risky) = (inputsThatMayBeNull, stepsThatMayGiveNoOutputs)
        // Most procedures have neither: nothing to read.
        guard !null.isEmpty || !risky.isEmpty else { return [] }
        let sites = readSites
        return nullInputReads(null, sites: sites, givenBy: nil) + undefinedOutputReads(of: risky, sites: sites)
    }

    /// The reads of the `inputs` (null in a run whose inputs came from `source`, or, when it is
    /// nil, possibly null) where the null value fails the run: errors in `source`'s terms for a
    /// run, warnings otherwise, each with a note at the input's declaration.
    func nullInputReads(_ null: Set<String>, sites: [ReadSite]? = nil, givenBy source: InputBinder.Source?) -> [Diagnostic] {
        guard !null.isEmpty else { return [] }
        let absence = { (path: Expression.Path) -> Expression.Absence? in
            guard path.root == "inputs", case .field(let name)? = path.components.first, null.contains(name) else { return nil }
            // A field or an item of null is undefined, even for `==`.
            return path.components.count > 1 ? .undefined : .null
        }
        var found: [Diagnostic] = []
        for site in sites ?? readSites {
            for path in site.unguardedReads(absence) {
                guard case .field(let name)? = path.components.first, let input = inputs.first(where: { $0.name == name }) else { continue }
                let problem: LanguageProblem = source.map { .inputIsNull(path: path.text, input: name, source: $0) } ?? .inputMayBeNull(path: path.text, input: name)
                let note = Diagnostic.Note.at(input.location, in: file, LanguageProblem.declaredHere(input: name))
                found.append(site.diagnostic(problem, at: path, in: file, source == nil ? .warning : .error, notes: [note]))
            }
        }
        return found
    }

    /// The steps that may not give their outputs, by id, with the `when` that may skip them (nil:
    /// `on_failure: continue` may let the run go on after they fail): a `when`, theirs or their
    /// parallel group's, or `on_failure: continue`. A loop's outputs are each item's, never read
    /// as the step's.
    var stepsThatMayGiveNoOutputs: [String: (step: Step, when: Condition?)] {
        var risky: [String: (step: Step, when: Condition?)] = [:]
        // Walked in place, not copied into a list: `check` of a long procedure comes here once.
        // (By index: a `for step in steps` loop copies every step.)
        func visit(_ steps: [Step], groupWhen: Condition?) {
            for index in steps.indices {
                if let id = steps[index].id?.value, steps[index].hasDefaultSettings || steps[index].loop == nil {
                    if let when = (steps[index].hasDefaultSettings ? nil : steps[index].when) ?? groupWhen {
                        risky[id] = (steps[index], when)
                    } else if steps[index].onFailure == .continue {
                        risky[id] = (steps[index], nil)
                    }
                }
                if case .parallel(let group) = steps[index].call { visit(group.steps, groupWhen: steps[index].when) }
            }
        }
        visit(steps, groupWhen: nil)
        visit(finally, groupWhen: nil)
        return risky
    }

    /// The reads of `steps.ID.outputs...` of the `risky` steps where nothing catches the missing
    /// name: not `default(...)`, not a `when` of the reading step that reads the step
    /// (`steps.ID.status`) or is the same text as the one that may skip it.
    func undefinedOutputReads(of risky: [String: (step: Step, when: Condition?)], sites: [ReadSite]) -> [Diagnostic] {
        guard !risky.isEmpty else { return [] }
        let absence = { (path: Expression.Path) -> Expression.Absence? in
            guard path.root == "steps", path.components.count > 2, case .field(let id) = path.components[0], risky[id] != nil,
                path.components[1] == .field("outputs")
            else { return nil }
            return .undefined
        }
        var found: [Diagnostic] = []
        for site in sites {
            // A step that runs only when the other does reads its outputs safely.
            let whenText = site.step.flatMap { $0.hasDefaultSettings ? nil : $0.when?.node.scalar?.text }
            let tested = Set(risky.filter { whenText != nil && $0.value.when?.node.scalar?.text == whenText }.map { "steps." + $0.key })
            for path in site.unguardedReads(absence, also: tested) {
                guard case .field(let id) = path.components[0], let (step, when) = risky[id] else { continue }
                let problem = LanguageProblem.outputMayBeUndefined(path: path.text, step: id, skipped: when != nil)
                let note: Diagnostic.Note =
                    if let when {
                        .at(when.node.start, in: file, LanguageProblem.maySkip(step: id))
                    } else {
                        .at(step.location, in: file, LanguageProblem.mayFailAndGoOn(step: id))
                    }
                found.append(site.diagnostic(problem, at: path, in: file, .warning, notes: [note]))
            }
        }
        return found
    }
}
