import ProcrunKit

/// What /proc says about a process the tests started.
enum ProcessProbe {
    /// Whether `pid` is still running (a zombie waiting for a reaper counts as ended).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let status = try? FileSystem.read("/proc/\(pid)/stat") else { return false }
        let text = String(decoding: status, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return false }
        let state = text[text.index(close, offsetBy: 2)...].first
        return state != "Z" && state != "X"
    }
}
