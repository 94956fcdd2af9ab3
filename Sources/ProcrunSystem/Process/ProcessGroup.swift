import Glibc
import SwiftOverlayShims

/// Reads /proc to tell running members of a process group from zombies.
enum ProcessGroup {
    /// Whether a process in group `group` is not a zombie; true when /proc cannot be read.
    static func hasRunningMember(_ group: pid_t) -> Bool {
        guard let directory = opendir("/proc") else { return true }
        defer { closedir(directory) }
        var buffer = [UInt8](repeating: 0, count: 512)
        while let entry = readdir(directory) {
            let isProcess = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name.first.map { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") } ?? false
            }
            guard isProcess else { continue }
            let path = withUnsafeBytes(of: entry.pointee.d_name) { name in
                "/proc/" + String(decoding: name.prefix { $0 != 0 }, as: UTF8.self) + "/stat"
            }
            if let (state, processGroup) = readState(path, buffer: &buffer),
               processGroup == group && state != UInt8(ascii: "Z") && state != UInt8(ascii: "X") {
                return true
            }
        }
        return false
    }

    /// The state letter and process group from a `/proc/PID/stat` line:
    /// `pid (comm) state ppid pgrp ...`, where comm may contain spaces and parentheses.
    private static func readState(_ path: String, buffer: inout [UInt8]) -> (UInt8, pid_t)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard count > 0, let paren = buffer[..<count].lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = buffer[(paren + 1)..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 2, let state = fields[0].first,
              let group = pid_t(String(decoding: fields[2], as: UTF8.self))
        else { return nil }
        return (state, group)
    }
}
