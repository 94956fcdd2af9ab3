import CShims
import Glibc

/// A one-way signal between threads that running children can wait on: a pipe whose read end
/// becomes readable once ``raise()`` is called, polled by ``ProcessRunner`` beside the child (see
/// ``ProcessSpec/cancelDescriptor``). A parallel group raises it when one of its steps fails and
/// `fail_fast` holds.
package final class CancelSignal: @unchecked Sendable {
    /// The end children's supervisors poll; -1 when the pipe could not be made (then nothing is
    /// ever cancelled, and steps run to their end).
    package let descriptor: Int32
    private let writeEnd: Int32

    package init() {
        var fds: [Int32] = [-1, -1]
        if procrun_pipe2(&fds, O_NONBLOCK | O_CLOEXEC) == 0 {
            descriptor = fds[0]
            writeEnd = fds[1]
        } else {
            descriptor = -1
            writeEnd = -1
        }
    }

    /// Makes ``descriptor`` readable for good.
    package func raise() {
        var byte: UInt8 = 1
        if writeEnd >= 0 { _ = write(writeEnd, &byte, 1) }
    }

    /// Whether the signal whose read end is `descriptor` was raised (false for -1).
    package static func isRaised(_ descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return false }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN) != 0
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if writeEnd >= 0 { close(writeEnd) }
    }
}
