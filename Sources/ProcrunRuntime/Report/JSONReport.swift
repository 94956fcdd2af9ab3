package import ProcrunText
import ProcrunLanguage

/// The `--json` report: one object describing the run, documented in grammar.md.
package enum JSONReport {
    /// The largest outcome kept in the report.
    static let outcomeLimit = 64 << 10

    /// The report as one line of JSON; `learned` (when given) says whether the run was recorded
    /// in the procedure's stats.
    package static func render(_ report: RunReport, learned: Bool? = nil) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("procedure", report.procedure)
        json.string("file", report.file)
        // A dry run ran nothing: it never reads as a success, and says what it was.
        json.boolean("success", report.success && !report.dryRun)
        if report.dryRun { json.boolean("dry_run", true) }
        json.integer("duration_ms", report.durationMilliseconds)
        if let learned { json.boolean("learned", learned) }
        if report.interrupted { json.boolean("interrupted", true) }
        if let error = report.error { json.string("error", error) }
        if let reason = report.upToDate { json.string("up_to_date", reason) }
        json.beginArray("steps")
        for step in report.steps { write(step, into: &json, dryRun: report.dryRun) }
        json.endArray()
        writeNeeds(report.needs, into: &json, dryRun: report.dryRun)
        if let precondition = report.precondition { write(precondition: precondition, into: &json) }
        json.raw("outputs", Value.mapping(report.outputs).jsonText)
        json.endObject()
        return json.text
    }

    /// The report of a run that could not start (a file with problems, an unknown procedure, an
    /// invalid command line or input): the report's shape with no step, `success` false, `error`
    /// the first problem as one line, and `diagnostics` every problem (``Diagnostic/write(into:)``).
    /// `procedure` is nil when the procedure could not be read.
    package static func renderNotStarted(file: String, procedure: String?, diagnostics: [Diagnostic]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("procedure", procedure)
        json.string("file", file)
        json.boolean("success", false)
        json.integer("duration_ms", 0)
        json.boolean("learned", false)
        json.string("error", diagnostics.first { $0.severity == .error }.map(DiagnosticRenderer.line))
        Diagnostic.write(diagnostics, as: "diagnostics", into: &json)
        json.beginArray("steps")
        json.endArray()
        json.raw("outputs", "{}")
        json.endObject()
        return json.text
    }

    static func write(_ step: StepResult, into json: inout JSONWriter, dryRun: Bool = false) {
        json.beginObject()
        json.integer("step", step.number)
        json.string("id", step.id)
        json.string("action", step.action)
        json.string("status", step.reportedStatus(dryRun: dryRun))
        // The report is shown too (by agents, in terminals): its text holds no control sequence.
        json.string("outcome", capped(TerminalSanitizer.clean(step.outcome)))
        json.integer("duration_ms", step.durationMilliseconds)
        if let code = step.exitCode { json.integer("exit_code", code) }
        json.string("error", step.error)
        if let reason = step.upToDate { json.string("up_to_date", reason) }
        json.integer("attempts", step.attempts)
        if step.isFinally { json.boolean("finally", true) }
        if let group = step.group { json.integer("group", group) }
        if let entry = step.matrixEntry { json.raw("matrix", entry.value.jsonText) }
        writeNested(step, into: &json, dryRun: dryRun)
        json.endObject()
    }

    /// A `needs` array (nothing when `needs` is empty): each need's procedure, status, time,
    /// error, whether it `ran_earlier` (and was not run again), and what a call step gives.
    static func writeNeeds(_ needs: [StepResult], into json: inout JSONWriter, dryRun: Bool) {
        guard !needs.isEmpty else { return }
        json.beginArray("needs")
        for need in needs {
            json.beginObject()
            json.string("procedure", need.calledProcedure ?? need.action)
            json.string("status", need.reportedStatus(dryRun: dryRun))
            json.integer("duration_ms", need.durationMilliseconds)
            json.string("error", need.error)
            if need.ranEarlier { json.boolean("ran_earlier", true) }
            writeNested(need, into: &json, dryRun: dryRun)
            json.endObject()
        }
        json.endArray()
    }

    /// The procedure's unmet precondition: its `error` (as the run's), `failed_at` (its entry's
    /// `path:line:col`), `duration_ms`, and `stderr`, its command's standard error, when it wrote some.
    private static func write(precondition: StepResult, into json: inout JSONWriter) {
        json.beginObject("precondition")
        json.string("error", precondition.error)
        if let diagnostic = precondition.diagnostic, let path = diagnostic.path {
            json.string("failed_at", DiagnosticRenderer.position(path, diagnostic.location))
        }
        json.integer("duration_ms", precondition.durationMilliseconds)
        if !precondition.stderr.isEmpty {
            json.string("stderr", capped(TerminalSanitizer.clean(SecretRedactor.credentialShapes.masking(precondition.stderr))))
        }
        json.endObject()
    }

    /// What a step holds beside its own figures: its outputs, where a call failed, a loop's items,
    /// a callee's steps and the needs that ran before it.
    private static func writeNested(_ step: StepResult, into json: inout JSONWriter, dryRun: Bool) {
        if !step.outputs.isEmpty { json.raw("outputs", Value.mapping(step.outputs).jsonText) }
        if let failure = step.failure {
            json.raw("chain", Value.list(failure.chain.map(Value.string)).jsonText)
            json.string("failed_at", failure.location)
        }
        if let iterations = step.iterations {
            // One object per item of a loop, with the fields of a step (its number is the loop's).
            json.beginArray("results")
            for iteration in iterations { write(iteration, into: &json, dryRun: dryRun) }
            json.endArray()
        }
        if !step.children.isEmpty {
            json.beginArray("steps")
            for child in step.children { write(child, into: &json, dryRun: dryRun) }
            json.endArray()
        }
        writeNeeds(step.needs, into: &json, dryRun: dryRun)
    }

    private static func capped(_ text: String) -> String {
        guard text.utf8.count > outcomeLimit else { return text }
        return String(decoding: text.utf8.prefix(outcomeLimit), as: UTF8.self) + "…"
    }
}
