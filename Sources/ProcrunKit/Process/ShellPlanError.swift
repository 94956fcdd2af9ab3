/// A `shell` command that cannot be planned, such as one with an unterminated quote.
public struct ShellPlanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem starts, in Unicode scalars over the command's literal text.
    public var offset: Int
    /// What is wrong, in lower case.
    public var message: String

    /// Creates an error at an offset.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
