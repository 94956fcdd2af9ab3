import ProcrunLanguage
import ProcrunText

extension ProcedureDescription {
    /// An up-to-date check (of the procedure or of a step) as the object `up_to_date`: its
    /// `sources`, `generates` and `status` as written; null when there is none.
    static func write(_ check: UpToDateCheck?, into writer: inout JSONWriter) {
        guard let check else { return writer.raw("up_to_date", "null") }
        writer.beginObject("up_to_date")
        for (key, fields) in [("sources", check.sources), ("generates", check.generates)] {
            writer.beginArray(key)
            for field in fields { writer.string(nil, field.text) }
            writer.endArray()
        }
        writer.beginArray("status")
        for call in check.status {
            if case .line(let line) = call.command { writer.string(nil, line.text) }
        }
        writer.endArray()
        writer.endObject()
    }
}
