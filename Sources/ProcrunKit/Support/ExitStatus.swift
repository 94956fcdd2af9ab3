/// The exit codes grammar.md documents.
public enum ExitStatus {
    /// Every step succeeded or was skipped; `check` found no problem.
    public static let success: Int32 = 0
    /// The procedure ran and failed.
    public static let failed: Int32 = 1
    /// The file or the command line is invalid; nothing ran.
    public static let invalid: Int32 = 2
    /// Interrupted by Ctrl-C.
    public static let interrupted: Int32 = 130
}
