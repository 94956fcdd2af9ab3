import Glibc
package import ProcrunLanguage
package import ProcrunText

/// Writes a library as Agent Skills: one folder per procedure holding `SKILL.md` (a name, a
/// description saying when to use it, how to run it with procrun, its inputs) and a copy of the
/// procedure file. Files whose content would not change are left alone, so re-export is idempotent.
package struct SkillsExporter {
    /// The library exported.
    package var library: Library
    /// The folder the skills go into.
    package var destination: String

    /// An exporter of `library` into `destination`.
    package init(library: Library, destination: String) {
        self.library = library
        self.destination = destination
    }

    /// Exports every procedure that loads and is not superseded; the diagnostics of those that do not are returned too.
    package func export() throws(FileSystem.Failure) -> (summary: Summary, problems: [Diagnostic]) {
        var summary = Summary()
        var problems: [Diagnostic] = []
        let index = ProcedureIndex(root: library.root)
        var used: Set<String> = []
        let target = FileSystem.absolute(destination) + "/"
        // Copies exported earlier into a folder inside the library are not procedures to export.
        for entry in index.listed where !FileSystem.absolute(entry.path).hasPrefix(target) {
            let graph = CallGraph(library: library)
            let procedure: Procedure
            do {
                procedure = try graph.load(path: entry.path)
            } catch {
                problems += error.diagnostics
                continue
            }
            // A superseded procedure is not a skill of its own: its successor is exported, and an
            // agent reading the skills never picks the merged-away one.
            if let successor = procedure.supersededBy {
                summary.superseded.append("\(procedure.name.value) -> \(successor.value)")
                continue
            }
            var name = Self.skillName(procedure.name.value)
            while used.contains(name) { name = String(name.prefix(60)) + "-\(used.count)" }
            used.insert(name)
            let folder = FileSystem.join(destination, name)
            try FileSystem.createDirectories(folder)
            let copyName = entry.path.split(separator: "/").last.map(String.init) ?? "\(procedure.name.value).yaml"
            // The copy is what the procedure does; its record is one line of SKILL.md instead.
            let document = try? StatsDocument(file: procedure.file)
            let bytes = document.map { Self.withoutStats($0) } ?? procedure.file.bytes
            try Self.write(bytes, to: FileSystem.join(folder, copyName), summary: &summary)
            let stats = document?.stats ?? ProcedureStats()
            let text = SkillDocument(procedure: procedure, skillName: name, libraryRoot: FileSystem.absolute(library.root), copyName: copyName, stats: stats).markdown
            try Self.write(Array(text.utf8), to: FileSystem.join(folder, "SKILL.md"), summary: &summary)
        }
        removeStale(keeping: used, summary: &summary)
        return (summary, problems)
    }

    /// Removes the folders an earlier export wrote for procedures that are gone: only folders whose
    /// `SKILL.md` carries procrun's marker, and in them only `SKILL.md` and `.yaml` files.
    private func removeStale(keeping used: Set<String>, summary: inout Summary) {
        guard let names = try? FileSystem.contents(of: destination) else { return }
        for name in names where !used.contains(name) {
            let folder = FileSystem.join(destination, name)
            let skill = FileSystem.join(folder, "SKILL.md")
            guard FileSystem.entryKind(folder) == .folder, let bytes = try? FileSystem.read(skill),
                String(decoding: bytes, as: UTF8.self).contains(SkillDocument.marker),
                let files = try? FileSystem.contents(of: folder)
            else { continue }
            for file in files where file == "SKILL.md" || file.hasSuffix(".yaml") {
                unlink(FileSystem.join(folder, file))
            }
            rmdir(folder)
            summary.removed.append(folder)
        }
    }

    /// A skill name as the Agent Skills format wants it: lowercase letters, digits and single
    /// hyphens, at most 64 characters (`deploy_backend` is `deploy-backend`).
    package static func skillName(_ procedure: String) -> String {
        var out = ""
        for scalar in procedure.lowercased().unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        let trimmed = String(out.prefix(64))
        return trimmed.isEmpty ? "procedure" : (trimmed.hasSuffix("-") ? String(trimmed.dropLast()) : trimmed)
    }

    /// The file's bytes without its `stats` block (and the line break written before an appended one).
    static func withoutStats(_ document: StatsDocument) -> [UInt8] {
        let bytes = document.file.bytes
        let range = document.block.range
        return Array(bytes[..<range.lowerBound] + bytes[range.upperBound...])
    }

    /// Writes `bytes` unless the file already holds exactly them.
    static func write(_ bytes: [UInt8], to path: String, summary: inout Summary) throws(FileSystem.Failure) {
        if let existing = try? FileSystem.read(path), existing == bytes {
            summary.unchanged.append(path)
            return
        }
        try FileSystem.writeAtomically(bytes, to: path)
        summary.written.append(path)
    }
}
