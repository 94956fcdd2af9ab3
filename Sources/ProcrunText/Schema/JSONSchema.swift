/// The JSON Schemas (draft 2020-12) of procrun's files, for editors and validators: the text of
/// `schema/procedure.schema.json` and `schema/library.schema.json`, printed by `procrun schema`
/// (scripts/write-schema.sh writes those files from it).
package enum JSONSchema: String, CaseIterable, Sendable {
    /// A procedure file.
    case procedure
    /// A library's `procrun.yaml`.
    case library

    /// Where the schema is published (its `$id`).
    package var url: String {
        "https://raw.githubusercontent.com/procrun/procrun/main/schema/\(rawValue).schema.json"
    }

    /// The comment that points yaml-language-server (VS Code's YAML extension and the editors built
    /// on it) at the procedure schema; `procrun new` and `procrun record` start new files with it.
    package static var modeline: String {
        "# yaml-language-server: $schema=\(procedure.url)"
    }
}
