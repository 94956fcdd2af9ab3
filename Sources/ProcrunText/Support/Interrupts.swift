import CShims
import Glibc

// Touched by the signal handler: plain integers, initialized before the handler is installed.
nonisolated(unsafe) private var procrunInterruptFlag: Int32 = 0
nonisolated(unsafe) private var procrunInterruptWriteFD: Int32 = -1
nonisolated(unsafe) private var procrunInterruptReadFD: Int32 = -1
// The first signal received (kept when `reset()` lets finally steps run), for the exit status.
nonisolated(unsafe) private var procrunFirstSignal: Int32 = 0

/// Async-signal-safe: a store and a write(2), errno preserved.
private func procrunInterruptHandler(_ signal: Int32) {
    let savedErrno = errno
    procrunInterruptFlag = 1
    if procrunFirstSignal == 0 { procrunFirstSignal = signal }
    var byte: UInt8 = 1
    _ = write(procrunInterruptWriteFD, &byte, 1)
    errno = savedErrno
}

/// SIGINT, SIGTERM and SIGHUP handling: the running step's process group is ended instead of
/// procrun dying (a closed terminal or a dropped ssh session is an interrupt like Ctrl-C).
package enum Interrupts {
    /// What a step, a call or an action ended by an interrupt reports.
    package static let message = "interrupted"

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that record the interrupt; call once, early.
    ///
    /// After an interrupt, `received` stays true: every later `ProcessRunner.run` returns at once
    /// with `interrupted` set, and `sleep` returns false.
    package static func install() {
        guard procrunInterruptReadFD < 0 else { return }
        var fds: [Int32] = [-1, -1]
        guard procrun_pipe2(&fds, O_NONBLOCK | O_CLOEXEC) == 0 else { return }
        procrunInterruptFlag = 0
        procrunFirstSignal = 0
        procrunInterruptWriteFD = fds[1]
        procrunInterruptReadFD = fds[0]
        var action = sigaction()
        action.__sigaction_handler.sa_handler = procrunInterruptHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
    }

    /// Whether SIGINT, SIGTERM or SIGHUP has arrived since `install()`.
    package static var received: Bool {
        procrunInterruptFlag != 0
    }

    /// Whether the first interrupt was SIGHUP (a closed terminal, a dropped ssh session), which
    /// ``CommandFailure/exitStatus`` tells apart from Ctrl-C.
    package static var wasHangUp: Bool {
        procrunFirstSignal == SIGHUP
    }

    /// Sleeps for `duration`; returns false as soon as an interrupt arrives (or had arrived).
    package static func sleep(_ duration: Duration) -> Bool {
        let end = NanosecondClock.now() &+ NanosecondClock.nanoseconds(duration)
        while true {
            if received { return false }
            let now = NanosecondClock.now()
            if now >= end { return true }
            let timeout = NanosecondClock.pollTimeout(until: end, now: now)
            if procrunInterruptReadFD >= 0 {
                var entry = pollfd(fd: procrunInterruptReadFD, events: Int16(POLLIN), revents: 0)
                _ = poll(&entry, 1, timeout)
            } else {
                _ = poll(nil, 0, timeout)
            }
        }
    }

    /// The self-pipe's read end for a poll set, or -1 when handlers are not installed.
    package static var pollDescriptor: Int32 {
        procrunInterruptReadFD
    }

    /// Forgets a received interrupt (tests).
    package static func reset() {
        var buffer = [UInt8](repeating: 0, count: 64)
        if procrunInterruptReadFD >= 0 {
            while read(procrunInterruptReadFD, &buffer, buffer.count) > 0 {}
        }
        procrunInterruptFlag = 0
    }
}
