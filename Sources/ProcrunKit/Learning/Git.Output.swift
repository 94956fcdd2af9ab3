extension Git {
    /// What one `git` invocation printed and returned.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output's bytes, as git wrote them (a file's content from `git show`).
        var bytes: [UInt8] = []
    }
}
