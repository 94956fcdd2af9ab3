/// One piece of a rendered `shell` command, as the template produced it.
package enum ShellPart: Sendable, Hashable {
    /// Literal template text written in the file: shell code.
    case text(String)
    /// A templated value: data, never interpreted by a shell.
    case value(String)
    /// A value the author marked `| raw`: inserted as shell code.
    case raw(String)
}
