import ProcrunText

/// A step's or a procedure's up-to-date check (`sources:`, `generates:`, `status:`; grammar.md,
/// "Up-to-date checks"): when it holds, the step (or the whole procedure) is skipped and says why.
package struct UpToDateCheck: Sendable {
    /// The globs of the files whose paths and contents are fingerprinted (`!glob` excludes),
    /// templates rendered when the check is made.
    package var sources: [TemplateField] = []
    /// The globs each of which must match a file.
    package var generates: [TemplateField] = []
    /// The commands that must all exit 0, each run as a `shell` step's command runs (the step's
    /// `cwd`, `env` and `shell` when it is one).
    package var status: [CommandCall] = []
    /// The `cwd` of the step's `shell` command, where its globs start and its status commands
    /// run (nil: where the procedure's commands run).
    package var workingDirectory: TemplateField?
    /// The bytes of the file that define what is checked (the step's mapping; the procedure file
    /// without its `stats`): part of the fingerprint, so a changed command is not up to date.
    package var definition: [Range<Int>] = []

    /// Every template it holds, for checking and for the variables it reads.
    package var templates: [TemplateField] {
        var fields = sources + generates
        for call in status { call.collectTemplates(into: &fields) }
        return fields
    }

    /// The keys that hold a check, on a step or a procedure.
    static let keys = ["sources", "generates", "status"]
}
