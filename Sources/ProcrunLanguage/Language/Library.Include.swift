package import ProcrunText

extension Library {
    /// Another library `include:` brings in under a prefix: its procedures are named `PREFIX:NAME`
    /// from the including library, and each runs with its own library's configuration.
    package struct Include: Sendable {
        /// The prefix, where its key is written in `procrun.yaml`.
        package var prefix: Located<String>
        /// The included library, its own `procrun.yaml` (and its own includes) read.
        package var library: Library
    }
}
