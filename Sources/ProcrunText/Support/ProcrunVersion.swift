/// procrun's version.
package enum ProcrunVersion {
    /// The version `procrun --version` prints.
    package static let current = "0.1.0"
}
