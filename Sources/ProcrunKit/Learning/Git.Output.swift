extension Git {
    /// What one `git` invocation printed and returned.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }
}
