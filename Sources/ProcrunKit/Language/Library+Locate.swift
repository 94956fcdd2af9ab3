extension Library {
    /// The library the commands that work on a whole library use (`record`, `find`, `similar`,
    /// `merge`): `--library DIR` when given; else the nearest folder at or above the current one
    /// holding `procrun.yaml`; else `./procedures` when it holds `procrun.yaml`; else the current folder.
    public static func locate(override: String?) throws(DiagnosticsError) -> Library {
        if let override { return try discover(forProcedureAt: FileSystem.join(override, "_"), override: override) }
        let found = try discover(forProcedureAt: "./_")
        if found.configFile == nil, FileSystem.exists("procedures/" + configName) {
            return try discover(forProcedureAt: "procedures/_")
        }
        return found
    }
}
