/// The JSON Schemas (draft 2020-12) of procrun's files, for editors and validators, and of what
/// `procrun show --json` prints, for agents: the text of `schema/procedure.schema.json`,
/// `schema/library.schema.json` and `schema/show.schema.json`, printed by `procrun schema`
/// (scripts/write-schema.sh writes those files from it).
package enum JSONSchema: String, CaseIterable, Sendable {
    /// A procedure file.
    case procedure
    /// A library's `procrun.yaml`.
    case library
    /// A procedure described as data: `procrun show --json`, the MCP tool `show_procedure`.
    case show

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
