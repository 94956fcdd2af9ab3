import ProcrunText

/// One line of `procrun run --events-fd N` (grammar.md, Command line): a step of the run's own
/// procedure started or finished. Its texts are the JSON report's (the step's id, action, status
/// and `error`, secrets already hidden); no output of a step is ever in it.
package struct StepEvent: Sendable, Equatable {
    /// Started or finished.
    package var kind: Kind
    /// The step's 1-based number, counting every step of the procedure as its report does.
    package var number: Int
    /// How many steps the procedure has (a parallel group's and the `finally` steps included).
    package var total: Int
    /// The step's id, if it has one.
    package var id: String?
    /// The step's action.
    package var action: String
    /// A finished step's status as the JSON report writes it (`success`, `failed`, `skipped`,
    /// `planned` in a dry run); nil for a start.
    package var status: String?
    /// A finished step's wall time in milliseconds; nil for a start.
    package var durationMilliseconds: Int?
    /// Why a finished step failed (or was skipped), as the JSON report says it.
    package var error: String?
    /// Why a finished step was skipped as up to date, as the JSON report says it.
    package var upToDate: String?
    /// Whether the event is of a need (`needs:`) rather than a numbered step: its `step` is 0 and
    /// its `action` the needed procedure.
    package var need = false
    /// Whether the event is of the procedure's unmet precondition (`precondition:`), which kept
    /// anything of it from running: its `step` is 0 and its `action` is `precondition`.
    package var precondition = false

    /// An event with these fields.
    package init(
        _ kind: Kind, number: Int, total: Int, id: String?, action: String, status: String? = nil, durationMilliseconds: Int? = nil,
        error: String? = nil
    ) {
        self.kind = kind
        self.number = number
        self.total = total
        self.id = id
        self.action = action
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.error = error
    }

    /// The event as one line of JSON, without its newline.
    package var line: String {
        var json = JSONWriter()
        json.beginObject()
        json.string("event", kind.rawValue)
        json.integer("step", number)
        json.integer("total", total)
        json.string("id", id)
        json.string("action", action)
        if need { json.boolean("need", true) }
        if precondition { json.boolean("precondition", true) }
        if kind == .finished {
            json.string("status", status)
            json.integer("duration_ms", durationMilliseconds)
            json.string("error", error)
            if let upToDate { json.string("up_to_date", upToDate) }
        }
        json.endObject()
        return json.text
    }

    /// The event a line holds; nil when it is not one.
    package init?(line: String) {
        guard case .mapping(let fields)? = Value(jsonText: line), case .string(let name)? = fields["event"], let kind = Kind(rawValue: name),
              case .integer(let number)? = fields["step"], case .integer(let total)? = fields["total"], case .string(let action)? = fields["action"]
        else { return nil }
        self.init(kind, number: number, total: total, id: Self.text(fields["id"]), action: action, status: Self.text(fields["status"]), error: Self.text(fields["error"]))
        if case .integer(let milliseconds)? = fields["duration_ms"] { durationMilliseconds = milliseconds }
        if case .boolean(let need)? = fields["need"] { self.need = need }
        upToDate = Self.text(fields["up_to_date"])
        if case .boolean(let precondition)? = fields["precondition"] { self.precondition = precondition }
    }

    private static func text(_ value: Value?) -> String? {
        if case .string(let text)? = value { text } else { nil }
    }
}
