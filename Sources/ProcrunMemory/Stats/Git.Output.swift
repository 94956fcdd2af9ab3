extension Git {
    /// What one `git` invocation printed and returned.
    package struct Output {
        package var status: Int32
        package var stdout: String
        package var stderr: String
        /// Standard output's bytes, as git wrote them (a file's content from `git show`).
        package var bytes: [UInt8] = []
    }
}
