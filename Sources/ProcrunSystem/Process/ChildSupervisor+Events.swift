import Glibc
import ProcrunText

extension ChildSupervisor {
    /// Acts on the descriptors poll(2) reported ready.
    mutating func handle(_ entries: [pollfd], chunk: UnsafeMutableRawBufferPointer) {
        let anyEvent = Int16(POLLIN | POLLOUT | POLLHUP | POLLERR | POLLNVAL)
        for entry in entries where entry.revents & anyEvent != 0 {
            if entry.fd == outputFDs[0] {
                readOutput(stream: 0, chunk: chunk)
            } else if entry.fd == outputFDs[1] {
                readOutput(stream: 1, chunk: chunk)
            } else if entry.fd == outputFDs[2] {
                readOutput(stream: 2, chunk: chunk)
            } else if entry.fd == stdinFD {
                writeInput(canWrite: entry.revents & Int16(POLLOUT) != 0)
            } else if entry.fd == pidfd {
                reap(blocking: true, now: NanosecondClock.now())
            } else if entry.fd == interruptFD && !interrupted {
                interrupted = true
                if termSentAt == nil { terminateGroup(now: NanosecondClock.now()) }
            } else if entry.fd == cancelFD && !cancelled {
                cancelled = true
                if termSentAt == nil { terminateGroup(now: NanosecondClock.now()) }
            }
        }
    }

    private mutating func readOutput(stream: Int, chunk: UnsafeMutableRawBufferPointer) {
        let count = read(outputFDs[stream], chunk.baseAddress, chunk.count)
        if count > 0 {
            let bytes = UnsafeRawBufferPointer(rebasing: chunk[..<count])
            // The side channel is handed on, never kept.
            guard stream < 2 else { return onSideOutput?(bytes) ?? () }
            buffers[stream].append(bytes)
            onOutput?(stream == 0 ? .stdout : .stderr, bytes)
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            close(outputFDs[stream])
            outputFDs[stream] = -1
        }
    }

    private mutating func writeInput(canWrite: Bool) {
        if canWrite && stdinOffset < stdinBytes.count {
            let offset = stdinOffset
            let written = stdinBytes.withUnsafeBytes { all in
                let pending = UnsafeRawBufferPointer(rebasing: all[offset..<min(all.count, offset + 65536)])
                return write(stdinFD, pending.baseAddress, pending.count)
            }
            if written > 0 {
                stdinOffset += written
            } else if written < 0 && errno != EINTR && errno != EAGAIN {
                if errno == EPIPE { stdinBrokePipe = true }
                stdinOffset = stdinBytes.count
            }
        } else {
            stdinOffset = stdinBytes.count
        }
        if stdinOffset >= stdinBytes.count { closeInput() }
    }

    /// Collects the child's status; `blocking` only once its pidfd said it exited.
    mutating func reap(blocking: Bool, now: UInt64) {
        var status: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        } while result < 0 && errno == EINTR
        guard result == pid || (result < 0 && errno == ECHILD) else { return }
        // ECHILD: someone else reaped it; report a plain failure rather than hang.
        waitStatus = result == pid ? status : 1 << 8
        exitTime = now
        if pidfd >= 0 {
            close(pidfd)
            pidfd = -1
        }
        closeInput()
    }

    /// SIGTERM to the whole group; SIGKILL follows after the grace if anything is left.
    mutating func terminateGroup(now: UInt64) {
        termSentAt = now
        if kill(-pid, SIGTERM) != 0 && errno == ESRCH { killSent = true }
    }

    /// Whether any process of the child's group is still running; exited ones not yet reaped by
    /// their new parent (zombies) do not count.
    func groupAlive() -> Bool {
        guard kill(-pid, 0) == 0 || errno == EPERM else { return false }
        return ProcessGroup.hasRunningMember(pid)
    }

    /// poll(2) failed for good: end the group, reap the child, stop reading.
    mutating func abandon() {
        if waitStatus == nil {
            kill(-pid, SIGKILL)
            reap(blocking: true, now: NanosecondClock.now())
        }
        closeOutputs()
    }

    mutating func closeOutputs() {
        for index in outputFDs.indices where outputFDs[index] >= 0 {
            close(outputFDs[index])
            outputFDs[index] = -1
        }
    }

    mutating func closeInput() {
        if stdinFD >= 0 {
            close(stdinFD)
            stdinFD = -1
        }
    }

    mutating func closeAll() {
        closeOutputs()
        closeInput()
        if pidfd >= 0 {
            close(pidfd)
            pidfd = -1
        }
    }
}
