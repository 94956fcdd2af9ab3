import ProcrunText

extension CheckCommand {
    /// `check --json`'s document: `files` (each `file`, `procedure`, `steps`, `calls`, null for
    /// a library's `procrun.yaml` and for a file with problems), `diagnostics` (each as
    /// ``Diagnostic/write(into:)`` writes it, with `--strict` warnings as errors) and `summary`
    /// (`files`, `problems` as the text's last line counts them, `errors`, `warnings`, `success`).
    static func json(files: [CheckedFile], diagnostics: [Diagnostic], problems: Int) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("files")
        for file in files {
            json.beginObject()
            json.string("file", file.file)
            json.string("procedure", file.procedure)
            json.integer("steps", file.steps)
            json.integer("calls", file.calls)
            json.endObject()
        }
        json.endArray()
        Diagnostic.write(diagnostics, as: "diagnostics", into: &json)
        json.beginObject("summary")
        json.integer("files", files.count)
        json.integer("problems", problems)
        json.integer("errors", diagnostics.count { $0.severity == .error })
        json.integer("warnings", diagnostics.count { $0.severity == .warning })
        json.boolean("success", problems == 0)
        json.endObject()
        json.endObject()
        return json.text
    }
}
