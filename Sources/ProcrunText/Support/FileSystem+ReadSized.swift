import Glibc
import SwiftOverlayShims

extension FileSystem {
    /// The content of a small file whose size is already known from `stat`, read with one buffer
    /// of about that size (reading thousands of procedure files should not zero 64 KiB for each).
    /// A file that grew since is read to its end; nil when it cannot be read or is not a regular
    /// file (opened without blocking, so a FIFO in a library never holds a search).
    package static func read(_ path: String, expectedSize: Int, limit: Int = 8 << 20) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: min(max(expectedSize, 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count < limit else { return nil }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, limit - bytes.count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
