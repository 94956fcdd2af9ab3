extension Duration {
    /// A duration written as procedure files write one (`500ms`, `1.5s`, `2m`, `1h`, or a bare
    /// number of seconds), or nil: `--timeout` reads its value this way.
    package init?(parsing text: String) {
        guard let duration = NodeReader.parseDuration(text) else { return nil }
        self = duration
    }
}
