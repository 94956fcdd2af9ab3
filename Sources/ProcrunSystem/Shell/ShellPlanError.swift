/// A `shell` command that cannot be planned, such as one with an unterminated quote.
package struct ShellPlanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem starts, in Unicode scalars over the command's literal text.
    package var offset: Int
    /// What is wrong, in lower case.
    package var message: String

    /// Creates an error at an offset.
    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message.
    package var description: String { message }
}
