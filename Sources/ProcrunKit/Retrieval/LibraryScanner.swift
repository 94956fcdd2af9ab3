import Glibc

/// Lists a library's procedure files: every `.yaml` and `.yml` file under its root except
/// `procrun.yaml`, hidden files and folders, and the `archive/` folder; folders reached through
/// symbolic links are not entered, and the search stops 16 folders deep.
public enum LibraryScanner {
    /// How deep folders are searched.
    static let maxDepth = 16

    private static func depth(_ relative: String) -> Int {
        relative.isEmpty ? 0 : relative.split(separator: "/").count
    }

    /// Each procedure file under `root` with its status, sorted by path.
    public static func scan(_ root: String) -> [(path: String, status: FileStatus)] {
        var found: [(path: String, status: FileStatus)] = []
        var pending: [(folder: String, relative: String)] = [(root, "")]
        while let (folder, relative) = pending.popLast() {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = FileSystem.join(folder, name)
                let type = entry.pointee.d_type
                let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
                if type == UInt8(DT_DIR) {
                    if !(relative.isEmpty && name == ProcedureStore.archiveFolder), depth(relative) < Self.maxDepth {
                        pending.append((path, relative.isEmpty ? name : relative + "/" + name))
                    }
                    continue
                }
                if type != UInt8(DT_REG) && type != UInt8(DT_LNK) && type != UInt8(DT_UNKNOWN) { continue }
                if !isYAML && type == UInt8(DT_REG) { continue }
                guard let status = FileStatus.of(path) else { continue }
                if status.isDirectory {
                    // A folder reached through a symbolic link is not entered: it could lead back up.
                    if type == UInt8(DT_UNKNOWN), !(relative.isEmpty && name == ProcedureStore.archiveFolder), depth(relative) < Self.maxDepth {
                        pending.append((path, relative.isEmpty ? name : relative + "/" + name))
                    }
                } else if status.isRegularFile, isYAML, name != Library.configName {
                    found.append((path, status))
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}
