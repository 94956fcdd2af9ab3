package import ProcrunText

extension Library {
    /// The library of a command that names no procedure file (a procedure name, or a whole-library
    /// command such as `list`, `find` or `record`): `--library DIR` when given; else the nearest
    /// folder at or above the current one holding `procrun.yaml`; else `./procedures` when it is a
    /// folder; else the current folder. A command given a file uses
    /// ``discover(forProcedureAt:override:)`` instead: the rule is grammar.md's "The library".
    package static func locate(override: String?) throws(DiagnosticsError) -> Library {
        if let override { return try discover(forProcedureAt: FileSystem.join(override, "_"), override: override) }
        let found = try discover(forProcedureAt: "./_")
        if found.configFile == nil, FileSystem.isDirectory("procedures") {
            return try discover(forProcedureAt: "procedures/_")
        }
        return found
    }
}
