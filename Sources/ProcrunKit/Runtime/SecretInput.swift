/// A secret found while recording: the input that replaces it in the procedure.
public struct SecretInput: Sendable, Hashable {
    /// The input's name (`github_token`, `password`, ...).
    public var name: String
    /// Where the value came from, for the input's description.
    public var origin: String
    /// The value itself: never written, only used to bind the input for `--verify`.
    public var value: String

    /// A secret input.
    public init(name: String, origin: String, value: String) {
        self.name = name
        self.origin = origin
        self.value = value
    }
}
