import CShims
import Glibc
import ProcrunText
import SwiftOverlayShims

/// The poll loop around one running child: output, stdin, exit, timeout and interrupts.
struct ChildSupervisor {
    /// How long output is still read after the child exited (background processes may hold it).
    static let drainLimit: UInt64 = 100_000_000
    /// How often the group is checked for survivors between SIGTERM and SIGKILL.
    static let groupCheckInterval: UInt64 = 20_000_000
    /// How often exit is checked when pidfd_open is unavailable.
    static let fallbackWaitInterval: UInt64 = 2_000_000

    let pid: pid_t
    var pidfd: Int32
    /// stdout at index 0, stderr at index 1, the side channel (descriptor 3) at index 2; -1 once
    /// closed, or when there is none.
    var outputFDs: [Int32]
    var buffers: [OutputBuffer]
    var stdinFD: Int32
    let stdinBytes: [UInt8]
    var stdinOffset = 0
    var stdinBrokePipe = false
    let onOutput: (@Sendable (OutputStream, UnsafeRawBufferPointer) -> Void)?
    let onSideOutput: (@Sendable (UnsafeRawBufferPointer) -> Void)?
    let interruptFD: Int32
    let cancelFD: Int32
    let deadline: UInt64?
    let killGrace: UInt64
    var waitStatus: Int32?
    var exitTime: UInt64 = 0
    var termSentAt: UInt64?
    var killSent = false
    var timedOut = false
    var interrupted = false
    var cancelled = false

    init(child: SpawnedChild, spec: ProcessSpec, start: UInt64) {
        pid = child.pid
        pidfd = procrun_pidfd_open(child.pid)
        outputFDs = [child.stdoutFD, child.stderrFD, child.sideFD]
        buffers = [OutputBuffer(limit: spec.outputLimit), OutputBuffer(limit: spec.outputLimit)]
        stdinFD = child.stdinFD
        stdinBytes = child.stdinFD >= 0 ? spec.standardInput ?? [] : []
        onOutput = spec.onOutput
        onSideOutput = spec.onSideOutput
        interruptFD = Interrupts.pollDescriptor
        cancelFD = spec.cancelDescriptor
        deadline = spec.timeout.map { start &+ NanosecondClock.nanoseconds($0) }
        killGrace = NanosecondClock.nanoseconds(spec.killGrace)
    }

    /// Runs the loop until the child is reaped and its output is drained (or abandoned).
    mutating func run() {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
        defer { chunk.deallocate() }
        var savedMask = sigset_t()
        let feedsInput = stdinFD >= 0
        if feedsInput { blockBrokenPipeSignal(saving: &savedMask) }
        defer {
            closeAll()
            if feedsInput { restoreBrokenPipeSignal(savedMask) }
        }
        var entries: [pollfd] = []
        entries.reserveCapacity(6)
        while true {
            let now = NanosecondClock.now()
            advanceState(now: now)
            if isFinished(now: now) { return }
            entries.removeAll(keepingCapacity: true)
            for descriptor in outputFDs where descriptor >= 0 {
                entries.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
            }
            if stdinFD >= 0 { entries.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if pidfd >= 0 { entries.append(pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)) }
            if interruptFD >= 0 && !interrupted {
                entries.append(pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0))
            }
            if cancelFD >= 0 && !cancelled {
                entries.append(pollfd(fd: cancelFD, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&entries, nfds_t(entries.count), pollTimeout(now: now))
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                abandon()
                return
            }
            if ready > 0 { handle(entries, chunk: chunk) }
        }
    }

    /// Reaps without a pidfd, starts the timeout kill, and escalates to SIGKILL after the grace.
    private mutating func advanceState(now: UInt64) {
        if waitStatus == nil && pidfd < 0 { reap(blocking: false, now: now) }
        if waitStatus == nil, termSentAt == nil, let deadline, now >= deadline {
            timedOut = true
            terminateGroup(now: now)
        }
        if let sent = termSentAt, !killSent, now >= sent &+ killGrace {
            if groupAlive() { kill(-pid, SIGKILL) }
            killSent = true
        }
        if waitStatus != nil && now >= exitTime &+ Self.drainLimit {
            closeOutputs()
        }
    }

    private mutating func isFinished(now: UInt64) -> Bool {
        guard waitStatus != nil, outputFDs[0] < 0, outputFDs[1] < 0, outputFDs[2] < 0 else { return false }
        if termSentAt != nil && !killSent {
            if groupAlive() { return false }
            killSent = true
        }
        return true
    }

    /// Milliseconds until the next thing that must happen without an event, or -1.
    private func pollTimeout(now: UInt64) -> Int32 {
        var wake = UInt64.max
        if waitStatus == nil {
            if termSentAt == nil, let deadline { wake = min(wake, deadline) }
            if pidfd < 0 { wake = min(wake, now &+ Self.fallbackWaitInterval) }
        } else if outputFDs[0] >= 0 || outputFDs[1] >= 0 || outputFDs[2] >= 0 {
            wake = min(wake, exitTime &+ Self.drainLimit)
        }
        if let sent = termSentAt, !killSent {
            wake = min(wake, sent &+ killGrace)
            if waitStatus != nil { wake = min(wake, now &+ Self.groupCheckInterval) }
        }
        return wake == .max ? -1 : NanosecondClock.pollTimeout(until: wake, now: now)
    }
}
