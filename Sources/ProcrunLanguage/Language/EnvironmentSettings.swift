package import ProcrunText

/// Environment variables for every step of a procedure (or of a library): the `env` mapping of
/// name to template and the values read from its `dotenv` files, which `env` overrides.
package struct EnvironmentSettings: Sendable {
    /// One value read from a `.env` file.
    package struct Loaded: Sendable {
        /// The variable's name.
        package var name: String
        /// Its value, as the file gives it.
        package var value: String
        /// Whether the file was marked `secret: true` (the value is masked in all output).
        package var secret: Bool
    }

    /// `env:`: each variable's template, in file order.
    package var values: [(name: String, field: TemplateField)] = []
    /// The values of the `dotenv:` files, read when the file was loaded, in file order.
    package var loaded: [Loaded] = []
    /// The `dotenv:` files marked `secret: true` that were read (their paths from the current
    /// folder), each with where its path is written: `git-setup` warns when git tracks one.
    package var secretFiles: [Located<String>] = []

    /// Nothing set.
    package init() {}

    /// Whether it sets no variable.
    package var isEmpty: Bool { values.isEmpty && loaded.isEmpty }

    /// Every variable it sets.
    package var names: [String] { loaded.map(\.name) + values.map(\.name) }
}
