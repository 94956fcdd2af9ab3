/// A procedure read from its YAML file and checked: everything needed to run it.
public struct Procedure: Sendable {
    /// The file it was read from.
    public var file: SourceFile
    /// The whole document, for tools that need positions (the stats writer).
    public var root: YAMLNode
    /// The name the library knows it by.
    public var name: Located<String>
    /// What it does.
    public var description = ""
    /// Words for finding it.
    public var tags: [String] = []
    /// Its version, 1 by default.
    public var version = 1
    /// Its declared inputs, in file order.
    public var inputs: [InputSpec] = []
    /// Values handed back after the last step.
    public var outputs: [(name: String, field: TemplateField)] = []
    /// The steps, in order.
    public var steps: [Step] = []
    /// The procedure that replaces this one (`superseded_by`), set by `procrun merge`.
    public var supersededBy: Located<String>?
    /// Why it was superseded (`superseded_reason`).
    public var supersededReason = ""
    /// The `stats` mapping node, if present.
    public var stats: YAMLNode?
    /// What the loader accepted but the author may not have meant (an action that goes to the
    /// executor although its name is one letter off a built-in's), shown before a run or check.
    public var warnings: [Diagnostic] = []
    /// The folder procedures' relative paths are taken from.
    public var directory: String { FileSystem.directory(of: file.path) }
}
