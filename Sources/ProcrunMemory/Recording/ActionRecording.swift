package import ProcrunLanguage
package import ProcrunText

/// A procedure made from actions already performed, without asking anything: what `procrun
/// record --from` does, and MCP's `record_procedure` with it, so that the same actions make the
/// same file. One list of actions (a log, or the steps an agent gives) is recorded with its `cd`
/// steps followed (``LogDirectories``); several logs are generalized into one procedure
/// (``TraceGeneralizer``). Then the inputs the caller declared take their places
/// (``InputOffer/declare(_:in:)``). The values the prompt would offer as inputs are not made
/// inputs: they stay literal, as an empty answer to the offer keeps them.
package struct ActionRecording {
    /// The recording each list of actions goes into: name, description, tags, the actions that
    /// are commands and the secrets to replace.
    package var recorder: Recorder
    /// The library the procedure is saved in.
    package var library: Library
    /// Where the actions came from, for the file's first comment.
    package var source: RecordingSource
    /// With several logs, keep the steps only some performed, each behind a new boolean input
    /// (`--keep-optional`).
    package var keepOptional = false
    /// Inputs the caller declared (MCP `record_procedure`'s `inputs`).
    package var declaredInputs: [DeclaredInput] = []

    /// A recording into `library` that starts from `recorder`.
    package init(recorder: Recorder, library: Library, source: RecordingSource) {
        self.recorder = recorder
        self.library = library
        self.source = source
    }

    /// The procedure made of `logs` (each a list of the actions of one performance of the task),
    /// to be saved as `plan` says; nil when no action succeeded.
    package func make(_ logs: [[RecordedStep]], plan: ProcedureStore.Plan) -> Outcome? {
        var outcome: Outcome
        if logs.count > 1 {
            let traces = logs.map { steps in
                var trace = recorder
                for step in steps { trace.record(step) }
                return trace
            }
            guard
                let generalized = TraceGeneralizer(keepOptional: keepOptional).generalize(
                    traces, as: recorder, checkedIn: ProcedureStore(library: library), at: plan.path, version: plan.version, write: text(of:))
            else { return nil }
            outcome = Outcome(draft: generalized.draft, dropped: 0, generalized: generalized)
        } else {
            let trace = recording(logs.first ?? [])
            guard let draft = trace.draft(version: plan.version) else { return nil }
            outcome = Outcome(draft: draft, dropped: trace.steps.count - trace.successfulSteps.count, generalized: nil)
        }
        outcome.warnings = InputOffer.declare(declaredInputs, in: &outcome.draft)
        return outcome
    }

    /// Why nothing is saved when ``make(_:plan:)`` finds no action of `logs` that succeeded.
    package func nothingSucceeded(_ logs: [[RecordedStep]]) -> Diagnostic {
        Diagnostic(RecordingProblem.noStepSucceeded(recorded: recording(logs.first ?? []).steps.count, logs: logs.count))
    }

    /// One list of actions recorded, its `cd` steps followed (they are not steps).
    package func recording(_ steps: [RecordedStep]) -> Recorder {
        var trace = recorder
        for step in steps { trace.record(step) }
        return trace.followingFolders(root: library.root)
    }

    /// The file text of `draft`, with the comment saying where its actions came from.
    package func text(of draft: ProcedureDraft) -> String {
        source.text(of: draft)
    }
}
