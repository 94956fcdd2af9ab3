import ProcrunLanguage
import ProcrunRuntime
import ProcrunText

extension ProcedureDescription {
    /// One step, every key of the language: its number, id and name, its key in the stats block,
    /// the action with its parameters as read (`parameters`, the node the step writes) and the
    /// command it runs (as `procrun show` prints it), the procedure it calls, `when`, the loop,
    /// the parallel group it is or belongs to, `expect`, `timeout`, `retries`, `on_failure`,
    /// `outputs`, `notes`, `keep_running`, `needs`, `precondition` and whether it is a `finally` step. Durations are
    /// milliseconds; a key the step does not set is null (or its default).
    static func write(_ step: Step, parameters: YAMLNode?, key: String?, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.integer("step", step.index + 1)
        writer.string("id", step.id?.value)
        writer.string("name", step.displayName)
        writer.string("key", key)
        writer.string("action", step.action.value)
        writer.raw("parameters", step.parameterValues(parameters).jsonText)
        writer.string("command", CommandPreview.text(of: step.call))
        if case .procedure(let call) = step.call {
            writer.string("calls", call.callee?.name ?? call.referenceText)
        } else {
            writer.string("calls", nil)
        }
        writer.string("when", step.when?.node.scalar?.text)
        switch step.loop?.items {
        case .expression(let condition)?: writer.string("for_each", condition.node.scalar?.text)
        case .written(let items)?: writer.raw("for_each", Value.list(items.map { .string($0.text) }).jsonText)
        case .matrix?, nil: writer.string("for_each", nil)
        }
        if case .matrix(let matrix)? = step.loop?.items {
            writer.string("as", nil)
            write(matrix, onFailure: step.onFailure, into: &writer)
        } else {
            writer.string("as", step.loop?.name.value)
            writer.raw("matrix", "null")
        }
        if case .parallel(let group) = step.call {
            writer.beginObject("parallel")
            writer.integer("max", group.max)
            writer.boolean("fail_fast", group.failsFast(isFinally: step.isFinally))
            writer.beginArray("steps")
            for member in group.steps { writer.integer(nil, member.index + 1) }
            writer.endArray()
            writer.endObject()
        } else {
            writer.raw("parallel", "null")
        }
        writer.integer("group", step.group.map { $0 + 1 })
        write(step.expect, into: &writer)
        writer.integer("timeout_ms", step.timeout?.wholeMilliseconds)
        writer.beginObject("retries")
        writer.integer("count", step.retry.count)
        writer.integer("delay_ms", step.retry.delay.wholeMilliseconds)
        writer.raw("backoff", Value.number(step.retry.backoff).jsonText)
        writer.endObject()
        writer.string("on_failure", step.onFailure.rawValue)
        writeNamed(step.outputs.map { ($0.name, $0.field.text) }, as: "outputs", into: &writer)
        writer.string("notes", step.notes)
        writer.boolean("keep_running", step.keepRunning)
        writeNeeds(step.needs, into: &writer)
        writePreconditions(step.preconditions, into: &writer)
        write(step.upToDate, into: &writer)
        writer.boolean("finally", step.isFinally)
        writer.endObject()
    }

    /// `expect`, each kind of expectation as data (`expected_outcome` is among `contains`);
    /// null exit codes and statuses mean the action's default.
    private static func write(_ expect: Expectation, into writer: inout JSONWriter) {
        func texts(_ key: String, _ fields: [TemplateField]) {
            writer.beginArray(key)
            for field in fields { writer.string(nil, field.text) }
            writer.endArray()
        }
        writer.beginObject("expect")
        writer.raw("exit_code", expect.exitCodes.map { Value.list($0.map(Value.integer)).jsonText } ?? "null")
        writer.raw("status", expect.statusCodes.map { Value.list($0.map(Value.integer)).jsonText } ?? "null")
        texts("contains", expect.contains)
        texts("not_contains", expect.notContains)
        writer.string("matches", expect.matches?.pattern)
        writer.string("equals", expect.equals?.text)
        texts("stderr_contains", expect.stderrContains)
        writer.endObject()
    }
}
