import ProcrunLanguage
import ProcrunMemory
import ProcrunText

/// What shell completion offers where argument-parser cannot know it (its `.custom` completions,
/// called through the script with `procrun ---completion ...`): the library's procedure names
/// (the library ``Library/locate(override:)`` finds, or `--library`'s), procedure files, and the
/// inputs of the procedures on the command line for `--set NAME=`. A library or a procedure that
/// cannot be read offers nothing.
package enum CompletionCandidates {
    /// The options of `run` that take a value (their value is no procedure).
    static let valueOptions: Set<String> = ["-s", "--set", "--inputs", "--from", "--adapt", "-l", "--library", "--executor", "--timeout", "--junit", "--format"]

    /// For a procedure argument: the names that start with `prefix`, then the `.yaml` and `.yml`
    /// files and the folders its path starts (a prefix holding `/` or `.` offers paths only).
    package static func procedures(_ words: [String], prefix: String) -> [String] {
        let names = prefix.contains("/") || prefix.hasPrefix(".") ? [] : procedureNames(words).filter { $0.hasPrefix(prefix) }
        return names + files(prefix)
    }

    /// For `--set`: `NAME=` for each input of the procedures on the command line that starts with
    /// `prefix`, in declaration order, each once.
    package static func inputs(_ words: [String], at index: Int, prefix: String) -> [String] {
        let override = libraryOverride(words)
        var names: [String] = []
        for argument in procedureArguments(words, except: index) {
            guard let (path, library) = try? ProcedureTarget.resolve(argument, library: override),
                let procedure = try? ProcedureRun(path: path, library: library).load()
            else { continue }
            for input in procedure.inputs where input.name.hasPrefix(prefix) && !names.contains(input.name + "=") {
                names.append(input.name + "=")
            }
        }
        return names
    }

    /// The names of the library's procedures, sorted.
    static func procedureNames(_ words: [String]) -> [String] {
        guard let library = try? ProcedureTarget.currentLibrary(override: libraryOverride(words)) else { return [] }
        return Array(Set(ProcedureIndex(library: library).listed.map(\.name))).sorted()
    }

    /// The folders and procedure files (`procrun.yaml` is none) whose path starts with `prefix`,
    /// folders ending in `/`.
    static func files(_ prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        let start = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        guard let names = try? FileSystem.contents(of: folder.isEmpty ? "." : folder) else { return [] }
        return names.compactMap { name in
            guard name.hasPrefix(start), !name.hasPrefix(".") || start.hasPrefix(".") else { return nil }
            if FileSystem.isDirectory(folder + name) { return folder + name + "/" }
            return (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && name != Library.configName ? folder + name : nil
        }
    }

    /// The value of `--library` (or `-l`) on the command line, without the shell's quotes.
    static func libraryOverride(_ words: [String]) -> String? {
        guard let at = words.lastIndex(where: { $0 == "--library" || $0 == "-l" }), at + 1 < words.count else { return nil }
        return unquoted(words[at + 1])
    }

    /// The words that name procedures: after the program and its command, neither options nor
    /// their values, and not the word being completed.
    static func procedureArguments(_ words: [String], except index: Int) -> [String] {
        var arguments: [String] = []
        var skipValue = false
        for (position, word) in words.enumerated().dropFirst() {
            if skipValue {
                skipValue = false
            } else if valueOptions.contains(word) {
                skipValue = true
            } else if !word.hasPrefix("-"), position != index, !(position == 1 && word == "run") {
                arguments.append(unquoted(word))
            }
        }
        return arguments
    }

    /// A shell word with its quotes removed (the words reach completion as typed).
    static func unquoted(_ word: String) -> String {
        word.filter { $0 != "'" && $0 != "\"" }
    }
}
