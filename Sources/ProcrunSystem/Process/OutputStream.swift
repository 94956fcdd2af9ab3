/// One of a child process's two captured output streams.
package enum OutputStream: Sendable, Hashable {
    /// The child's standard output (file descriptor 1).
    case stdout
    /// The child's standard error (file descriptor 2).
    case stderr
}
