import Glibc
import SwiftOverlayShims

/// The few file-system calls procrun needs, over Glibc, with errors as lower-case messages.
package enum FileSystem {
    /// A failed file operation: what was tried, on which path, and the system's reason.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        /// The message, for example `cannot read 'x.yaml': no such file or directory`.
        package var description: String
        /// Set when the file was refused by its kind or size before a byte of it was read.
        package var refusal: Refusal?
    }

    /// Why ``read(_:limit:)`` refused a file without reading it.
    package enum Refusal: Sendable, Hashable {
        /// Not a regular file: a FIFO, a device, a socket (the kind, as a noun phrase).
        case notRegularFile(String)
        /// Larger than the limit (its size in bytes).
        case tooLarge(Int)
    }

    /// The whole content of a regular file of at most `limit` bytes.
    ///
    /// The file is opened without blocking and looked at with `fstat` before anything is read: a
    /// FIFO, a device or a socket is refused at once (a FIFO without a writer would block `open`
    /// forever, `/dev/zero` never ends), and so is a file larger than `limit`, with its real size.
    /// A file that grows while it is read stops being read just past `limit`. With `streams`, a
    /// pipe or a character device is read too (to its end or just past `limit`): for a log given
    /// on the command line, never for a file procrun parses as a procedure.
    package static func read(_ path: String, limit: Int = 64 << 20, streams: Bool = false) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure("cannot read", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("cannot read", path) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            throw Failure(description: "cannot read '\(path)': it is a folder")
        }
        let stream = streams && (kind == S_IFIFO || kind == S_IFCHR)
        if stream {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        } else if kind != S_IFREG {
            let noun = kindName(kind)
            throw Failure(description: "cannot read '\(path)': expected a regular file, found \(noun)", refusal: .notRegularFile(noun))
        }
        let size = stream ? 0 : max(0, Int(info.st_size))
        if size > limit {
            throw Failure(description: "the file is \(size) bytes; files are limited to \(limit) bytes", refusal: .tooLarge(size))
        }
        // The size fstat gave (and one byte more, to see the end) is read straight into the
        // array; only a stream, or a file that grew meanwhile, is read on in chunks.
        var failed: Int32 = 0
        var ended = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count, let base = buffer.baseAddress {
                let count = Glibc.read(fd, base + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                if count == 0 {
                    ended = true
                    return
                }
                initialized += count
            }
        }
        if failed != 0 {
            errno = failed
            throw failure("cannot read", path)
        }
        if !ended {
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while bytes.count <= limit {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot read", path)
                }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
            }
        }
        return bytes
    }

    /// `a FIFO`, `a character device`, ... for a `st_mode` file type.
    static func kindName(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }

    /// Writes `bytes` to `path`, replacing or appending, creating the file with `mode`.
    package static func write(_ bytes: [UInt8], to path: String, append: Bool = false, mode: UInt32 = 0o644) throws(Failure) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, mode_t(mode))
        guard fd >= 0 else { throw failure("cannot write", path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write", path)
            }
            written += count
        }
    }

    /// Creates a folder and its missing parents, new ones with `mode`.
    package static func createDirectories(_ path: String, mode: UInt32 = 0o755) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, mode_t(mode)) != 0, errno != EEXIST {
                throw failure("cannot create folder", prefix)
            }
            prefix += "/"
        }
    }

    /// The names in a folder (without `.` and `..`), sorted.
    package static func contents(of folder: String) throws(Failure) -> [String] {
        guard let entries = entries(of: folder) else { throw failure("cannot list", folder) }
        return entries.map(\.name).sorted()
    }

    /// Creates a new, empty, private folder named `prefix` plus six random characters.
    package static func makeTemporaryDirectory(prefix: String = "/tmp/procrun-") throws(Failure) -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw failure("cannot create folder", prefix + "XXXXXX") }
        return String(cString: made)
    }

    /// True when something exists at `path`.
    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// True when `path` is a folder.
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The current working folder.
    package static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` made absolute against the current folder, with `.` and `..` components resolved textually.
    package static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder part of a path (`.` when there is none).
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `name` joined to `folder`, unless `name` is already absolute.
    package static func join(_ folder: String, _ name: String) -> String {
        if name.hasPrefix("/") { return name }
        if folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The value of an environment variable.
    package static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The whole environment of this process.
    package static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    static func failure(_ what: String, _ path: String) -> Failure {
        let reason = String(cString: strerror(errno)).lowercased()
        return Failure(description: "\(what) '\(path)': \(reason)")
    }
}
