/// A process could not be started: unknown command, missing permission, bad working folder.
package struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in lower case, naming the command or folder in quotes.
    package var message: String

    /// Creates an error with a message.
    package init(message: String) {
        self.message = message
    }

    /// The message.
    package var description: String { message }
}
