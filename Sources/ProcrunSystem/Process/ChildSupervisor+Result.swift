import Glibc

extension ChildSupervisor {
    /// The finished run as a `ProcessResult`.
    func result(durationNanoseconds: UInt64) -> ProcessResult {
        let status = waitStatus ?? (1 << 8)
        let signalNumber = status & 0x7f
        let killedBy: Int32? = signalNumber != 0 && signalNumber != 0x7f ? signalNumber : nil
        var result = ProcessResult(
            exitCode: killedBy.map { 128 + $0 } ?? (status >> 8) & 0xff,
            signal: killedBy,
            stdout: buffers[0].finish(),
            stderr: buffers[1].finish(),
            durationNanoseconds: durationNanoseconds,
            timedOut: timedOut,
            interrupted: interrupted
        )
        result.cancelled = cancelled
        // The leader is reaped: anything still in its group is a process it left behind.
        if !timedOut, !interrupted, !cancelled, kill(-pid, 0) == 0 { result.leftoverGroup = pid }
        return result
    }
}
