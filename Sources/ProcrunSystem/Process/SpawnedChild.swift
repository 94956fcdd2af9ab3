import Glibc

/// A started child and the parent's ends of its pipes (all close-on-exec).
struct SpawnedChild {
    var pid: pid_t
    var stdoutFD: Int32
    var stderrFD: Int32
    /// The write end of the child's stdin pipe, non-blocking; -1 when stdin is /dev/null.
    var stdinFD: Int32
    /// The read end of the pipe on the child's descriptor 3; -1 when there is none.
    var sideFD: Int32 = -1
}
