extension Diagnostic {
    /// Writes the diagnostic as one JSON object, the shape `check --json` and `run --json`'s
    /// error document share: `file`, `line`, `column` (null when not known), `severity`, `id`,
    /// `message`, and `notes` (each with `file`, `line`, `column` and `message`).
    package func write(into json: inout JSONWriter) {
        json.beginObject()
        Self.writePlace(path, location, into: &json)
        json.string("severity", severity.rawValue)
        json.string("id", id.rawValue)
        json.string("message", message)
        json.beginArray("notes")
        for note in notes {
            json.beginObject()
            Self.writePlace(note.path, note.location, into: &json)
            json.string("message", note.message)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// Writes `diagnostics` as the array member `key` of the object being written.
    package static func write(_ diagnostics: [Diagnostic], as key: String, into json: inout JSONWriter) {
        json.beginArray(key)
        for diagnostic in diagnostics { diagnostic.write(into: &json) }
        json.endArray()
    }

    private static func writePlace(_ path: String?, _ location: SourceLocation?, into json: inout JSONWriter) {
        json.string("file", path)
        json.integer("line", location?.line)
        json.integer("column", location?.column)
    }
}
