/// Environment variables for every step of a procedure (or of a library): the `env` mapping of
/// name to template and the values read from its `dotenv` files, which `env` overrides.
public struct EnvironmentSettings: Sendable {
    /// One value read from a `.env` file.
    public struct Loaded: Sendable {
        /// The variable's name.
        public var name: String
        /// Its value, as the file gives it.
        public var value: String
        /// Whether the file was marked `secret: true` (the value is masked in all output).
        public var secret: Bool
    }

    /// `env:`: each variable's template, in file order.
    public var values: [(name: String, field: TemplateField)] = []
    /// The values of the `dotenv:` files, read when the file was loaded, in file order.
    public var loaded: [Loaded] = []

    /// Nothing set.
    public init() {}

    /// Whether it sets no variable.
    public var isEmpty: Bool { values.isEmpty && loaded.isEmpty }

    /// Every variable it sets.
    public var names: [String] { loaded.map(\.name) + values.map(\.name) }
}
