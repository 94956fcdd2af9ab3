import Glibc
import SwiftOverlayShims

extension ProcessRunner {
    /// The executable to spawn for `name`: itself when it contains a `/`, else found through PATH.
    package static func resolveProgram(_ name: String, spec: ProcessSpec) throws(SpawnError) -> String {
        if name.isEmpty {
            throw SpawnError(message: "command not found: ''")
        }
        if name.contains("/") { return name }
        var sawNonExecutable = false
        let searchPath = pathVariable(spec) ?? "/usr/local/bin:/usr/bin:/bin"
        for entry in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            var folder = entry.isEmpty ? "." : String(entry)
            if !folder.hasPrefix("/") {
                folder = absoluteFolder(folder, spec: spec)
            }
            let candidate = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            sawNonExecutable = true
        }
        if sawNonExecutable {
            throw SpawnError(message: "permission denied: '\(name)'")
        }
        throw SpawnError(message: "command not found: '\(name)'")
    }

    /// Rejects a working folder that does not exist, is not a folder, or cannot be entered.
    static func checkWorkingDirectory(_ folder: String) throws(SpawnError) {
        var info = stat()
        if stat(folder, &info) != 0 {
            if errno == EACCES {
                throw SpawnError(message: "permission denied: folder '\(folder)'")
            }
            throw SpawnError(message: "no such folder: '\(folder)'")
        }
        if info.st_mode & S_IFMT != S_IFDIR {
            throw SpawnError(message: "not a folder: '\(folder)'")
        }
        if access(folder, X_OK) != 0 {
            throw SpawnError(message: "permission denied: folder '\(folder)'")
        }
    }

    /// PATH as the child will see it: the last `extraEnvironment` entry, else `environment`, else ours.
    private static func pathVariable(_ spec: ProcessSpec) -> String? {
        if let extra = spec.extraEnvironment.last(where: { $0.0 == "PATH" }) {
            return extra.1
        }
        if let environment = spec.environment {
            return environment["PATH"]
        }
        return getenv("PATH").map { String(cString: $0) }
    }

    /// A relative PATH entry resolves against the child's working folder, made absolute here
    /// because the child changes folder before exec.
    private static func absoluteFolder(_ folder: String, spec: ProcessSpec) -> String {
        var base = spec.workingDirectory ?? ""
        if !base.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard getcwd(&buffer, buffer.count) != nil else { return folder }
            let current = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            base = base.isEmpty ? current : current + "/" + base
        }
        return base + "/" + folder
    }
}
