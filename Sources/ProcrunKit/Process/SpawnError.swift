/// A process could not be started: unknown command, missing permission, bad working folder.
public struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in lower case, naming the command or folder in quotes.
    public var message: String

    /// Creates an error with a message.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
