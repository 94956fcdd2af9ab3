/// procrun's version.
public enum ProcrunVersion {
    /// The version `procrun --version` prints.
    public static let current = "0.1.0"
}
