import Glibc

extension FileSystem {
    /// Everything on standard input up to its end; more than `limit` bytes is refused.
    package static func readStandardInput(limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read standard input: \(String(cString: strerror(errno)).lowercased())")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw Failure(description: "standard input holds more than \(limit >> 20) MiB") }
        }
    }
}
