/// Why talking to a line-speaking child process (an executor, an MCP server) failed.
package enum LineChannelError: Error, Sendable, Equatable {
    /// It could not be started.
    case cannotStart(String)
    /// It did not answer before the deadline.
    case timedOut
    /// It exited, or closed its standard output; the text says how.
    case exited(String)
    /// Reading or writing its pipes failed.
    case broken(String)
    /// It wrote a line longer than ``LineChannel/lineLimit``.
    case lineTooLong
    /// procrun was interrupted while waiting.
    case interrupted

    /// The error as a lowercase phrase, completed by the caller's subject (`"executor 'x' ..."`).
    package var phrase: String {
        switch self {
        case .cannotStart(let why): "could not be started: \(why)"
        case .timedOut: "did not answer in time"
        case .exited(let how): "exited (\(how))"
        case .broken(let why): "could not be spoken to: \(why)"
        case .lineTooLong: "answered a line longer than \(LineChannel.lineLimit >> 20) MiB"
        case .interrupted: "was interrupted"
        }
    }
}
