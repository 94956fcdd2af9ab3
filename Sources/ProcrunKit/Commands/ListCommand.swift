package import ArgumentParser
import ProcrunLanguage
import ProcrunRuntime
import ProcrunText

/// `procrun list`: the procedures of a library, one line each: name, aliases (when any has
/// some), description, tags, file.
package struct ListCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the procedures of the library: name, description, tags, file."
    )

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--json`: `{"procedures": [{"name", "aliases", "description", "tags", "file"}]}`.
    @Flag(help: "Print JSON (see grammar.md, Interfaces for agents).")
    var json = false
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A listing of the current folder's library.
    package init() {}

    /// Lists; the result is 0, or 2 when the library cannot be read or two files claim one name.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        let found: Library
        do {
            found = try ProcedureTarget.currentLibrary(override: library.path)
        } catch {
            return stderr.reject(error.diagnostics, renderer)
        }
        let index = ProcedureIndex(root: found.root)
        let listed = index.listed
        if json {
            let procedures: [Value] = listed.map { entry in
                let (description, tags) = Self.summary(of: entry.path, whole: true)
                return .mapping([
                    "name": .string(entry.name), "aliases": .list(entry.aliases.map(Value.string)), "description": .string(description),
                    "tags": .list(tags.map(Value.string)), "file": .string(entry.path),
                ])
            }
            stdout.write(Value.mapping(["procedures": .list(procedures)]).jsonText + "\n")
        } else if listed.isEmpty {
            stdout.write("no procedures in the library folder '\(found.root)'\n")
        } else {
            // An aliases column only when some procedure has aliases.
            let aliased = listed.contains { !$0.aliases.isEmpty }
            let rows = listed.map { entry -> [String] in
                let (description, tags) = Self.summary(of: entry.path)
                return [entry.name] + (aliased ? [entry.aliases.joined(separator: ", ")] : []) + [description, tags.joined(separator: ", "), entry.path]
            }
            stdout.write(Self.table([["NAME"] + (aliased ? ["ALIASES"] : []) + ["DESCRIPTION", "TAGS", "FILE"]] + rows))
        }
        stdout.flush()
        var problems: [Diagnostic] = []
        for name in index.names {
            if let clash = index.clash(name) { problems.append(clash) }
        }
        stderr.write(renderer.render(problems))
        stderr.flush()
        return CommandFailure.exitStatus(of: problems.isEmpty ? nil : .invalid())
    }

    /// The description (first line, at most 60 characters; or all of it when `whole`) and tags of
    /// a procedure file, read without checking the rest; a file that does not parse says so.
    static func summary(of path: String, whole: Bool = false) -> (String, [String]) {
        guard let file = try? SourceFile.read(path), let root = try? YAMLParser(file: file).parse() else {
            return ("(does not parse; run procrun check \(path))", [])
        }
        let description = root["description"]?.scalar?.text ?? ""
        if whole { return (description, root["tags"]?.items?.compactMap { $0.scalar?.text } ?? []) }
        let line = description.split(separator: "\n").first.map(String.init) ?? ""
        let tags = root["tags"]?.items?.compactMap { $0.scalar?.text } ?? []
        return (line.count > 60 ? String(line.prefix(59)) + "…" : line, tags)
    }

    /// Rows as columns padded to their widest cell; the last column is not padded.
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.first?.count ?? 0
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in column == columns - 1 ? cell : cell.padding(to: widths[column]) }.joined(separator: "  ")
                .trimmingTrailingSpaces() + "\n"
        }.joined()
    }
}
