extension ActionRecording {
    /// What a recording of actions made.
    package struct Outcome {
        /// The procedure to write.
        package var draft: ProcedureDraft
        /// How many failed actions were left out (of one list of actions).
        package var dropped: Int
        /// What generalizing several logs found (steps left out, values kept), for `record` to report.
        package var generalized: TraceGeneralizer.Outcome?
        /// The places where a declared input's value stays literal, since the shell-safety rules
        /// refuse a value there.
        package var warnings: [InputOffer.Warning] = []
    }
}
