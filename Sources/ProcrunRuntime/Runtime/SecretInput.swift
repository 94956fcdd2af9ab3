/// A secret found while recording: the input that replaces it in the procedure.
package struct SecretInput: Sendable, Hashable {
    /// The input's name (`github_token`, `password`, ...).
    package var name: String
    /// Where the value came from, for the input's description.
    package var origin: String
    /// The value itself: never written, only used to bind the input for `--verify`.
    package var value: String

    /// A secret input.
    package init(name: String, origin: String, value: String) {
        self.name = name
        self.origin = origin
        self.value = value
    }
}
