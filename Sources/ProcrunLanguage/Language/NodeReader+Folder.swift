import ProcrunText

extension NodeReader {
    /// A working folder (`cwd`, `defaults.cwd`): a path taken from `directory` (the folder of the
    /// file that sets it) unless absolute, which must name an existing folder when the file is
    /// read, so that a wrong one stops the run before its first step. The path joined, at the
    /// node; nil after an error there.
    mutating func folder(_ node: YAMLNode, _ what: String, from directory: String) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        let path = FileSystem.join(directory, text)
        guard let status = FileStatus.of(path) else {
            error(.folderMissing(what: what, path: text, full: path), at: node.start)
            return nil
        }
        guard status.isDirectory else {
            error(.notAFolder(what: what, path: text), at: node.start)
            return nil
        }
        return Located(path, at: node.start)
    }
}
