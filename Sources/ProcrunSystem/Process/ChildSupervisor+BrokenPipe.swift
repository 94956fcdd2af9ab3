import Glibc
// timespec's members are found through this module in some batches of a build (MemberImportVisibility).
import SwiftOverlayShims

extension ChildSupervisor {
    /// Blocks SIGPIPE in this thread while stdin is written, so a reader that went away gives EPIPE.
    func blockBrokenPipeSignal(saving saved: inout sigset_t) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, &saved)
    }

    /// Consumes the SIGPIPE our own write raised, then restores the thread's signal mask.
    func restoreBrokenPipeSignal(_ saved: sigset_t) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        if stdinBrokePipe {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec()
                _ = sigtimedwait(&set, nil, &zero)
            }
        }
        var mask = saved
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }
}
