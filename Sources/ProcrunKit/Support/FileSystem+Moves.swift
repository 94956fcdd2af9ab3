import Glibc

extension FileSystem {
    /// Renames `source` to `target` atomically (both in the same file system), replacing `target`.
    public static func rename(_ source: String, to target: String) throws(Failure) {
        guard Glibc.rename(source, target) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            throw Failure(description: "cannot move '\(source)' to '\(target)': \(reason)")
        }
    }

    /// Removes a file (not a folder).
    public static func remove(_ path: String) throws(Failure) {
        guard unlink(path) == 0 else { throw failure("cannot remove", path) }
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so that
    /// readers see the old content or the new one, never a mix.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        let temporary = FileSystem.directory(of: path) + "/.\(path.split(separator: "/").last ?? "file").\(getpid()).tmp"
        try write(bytes, to: temporary)
        do {
            try rename(temporary, to: path)
        } catch {
            _ = unlink(temporary)
            throw error
        }
    }

    /// Every regular file under `folder` whose name ends with `suffix`, recursively, as paths
    /// joined to `folder`, sorted; folders whose names start with `.` and those named in
    /// `skipping` (relative to `folder`) are not entered.
    public static func files(under folder: String, suffix: String, skipping: Set<String> = []) -> [String] {
        var found: [String] = []
        var pending: [(path: String, relative: String)] = [(folder, "")]
        while let (path, relative) = pending.popLast() {
            guard let names = try? contents(of: path) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = join(path, name)
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                if name.hasSuffix(suffix) {
                    if !isDirectory(child) { found.append(child) }
                } else if !skipping.contains(childRelative), isDirectory(child) {
                    pending.append((child, childRelative))
                }
            }
        }
        return found.sorted()
    }
}
