import ProcrunLanguage
import ProcrunText

/// A line-based git file that `git-setup` keeps (`.gitattributes`, `.gitignore`): lines are added
/// at its end when missing and removed when asked, every other byte kept, the file replaced the
/// one way procrun replaces files.
struct GitSetupFile {
    /// The file's path.
    var path: String

    /// Adds each line of `adding` that is missing (spaces and line ends aside) and removes the
    /// lines of `removing`; a line of `also` in the file (another spelling of the same entry)
    /// counts as all of `adding` being there. Returns what it did, as `git-setup` reports it.
    func update(adding: [String], removing: [String] = [], also: [String] = []) throws(DiagnosticsError) -> String {
        let text = (try? FileSystem.read(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // Split on "\n" alone, so that a CRLF line keeps its "\r" and is written back as it was.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        if lines.last == "" { lines.removeLast() }
        let present = Set(lines.map { $0.trimmingSpaces() })
        let removed = removing.filter(present.contains)
        let added = also.contains(where: present.contains) ? [] : adding.filter { !present.contains($0) }
        guard !added.isEmpty || !removed.isEmpty else { return "\(path): already set up\n" }
        lines.removeAll { removed.contains($0.trimmingSpaces()) }
        lines += added
        do {
            try FileSystem.writeAtomically(Array((lines.joined(separator: "\n") + "\n").utf8), to: path)
        } catch {
            throw DiagnosticsError([Diagnostic(CommandProblem.fileOperation(reason: error.description))])
        }
        var report = ""
        if !added.isEmpty { report += "\(path): added \(added.joined(separator: ", "))\n" }
        if !removed.isEmpty { report += "\(path): removed \(removed.joined(separator: ", "))\n" }
        return report
    }
}
