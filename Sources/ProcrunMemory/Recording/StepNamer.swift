import ProcrunSystem
import ProcrunText

/// Names the steps of a recorded procedure after what they run, so that a recording reads
/// `steps.git_tag.stdout` rather than `#3`.
///
/// A command is named after its program (`make`, `curl`, `python3`), joined by its subcommand for
/// the tools whose first argument is one (`git tag` gives `git_tag`, `docker compose up`
/// `docker_compose`). The words are read with procrun's own shell scanner; leading `VAR=value`
/// assignments and the wrappers `sudo`, `env`, `time`, `nohup`, `nice`, `exec` and `command` are
/// skipped, and a compound command (`a && b`, a pipeline) is named after its first simple command
/// (after a leading `cd DIR`). Any other action is named after the action. Names are made
/// identifiers (lowercase letters, digits and `_`, starting with a letter) and made unique in the
/// procedure with `_2`, `_3`:
///
/// ```swift
/// StepNamer.name(command: "sudo -u deploy git -C app tag v1.4.2")   // "git_tag"
/// StepNamer.ids(for: steps)                                         // ["make", "make_2", "log"]
/// ```
package enum StepNamer {
    /// Programs whose first operand is a subcommand worth naming the step after.
    static let subcommandTools: Set<String> = [
        "git", "docker", "docker-compose", "podman", "kubectl", "helm", "npm", "yarn", "pnpm", "cargo", "go", "systemctl",
        "journalctl", "pip", "pip3", "brew", "apt", "apt-get", "dnf", "yum", "gh", "terraform", "swift", "dotnet", "gcloud", "aws",
        "az", "poetry", "uv", "conda", "rustup", "gem", "bundle", "composer", "mvn", "gradle", "heroku", "flyctl", "vagrant", "nix",
        "snap",
    ]
    /// Options of those tools, before the subcommand, that take the next word as their value.
    static let optionsWithValue: Set<String> = [
        "-C", "-c", "--git-dir", "--work-tree", "--namespace", "-n", "-H", "--host", "--context", "--config", "--kubeconfig",
        "--log-level", "-l", "--project", "--profile", "--region", "-f", "--file", "-p", "--project-name", "-R", "--repo",
        "--chdir", "--manifest-path", "--package-path",
    ]
    /// Commands that run the command after them, skipped with their options; each with its
    /// options that take the next word as their value.
    static let wrappers: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "--user", "--group", "--chdir", "--prompt"],
        "env": ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"],
        "time": ["-f", "-o", "--format", "--output"],
        "nohup": [],
        "nice": ["-n", "--adjustment"],
        "exec": ["-a"],
        "command": [],
    ]
    /// Words that open a compound command or continue one, not a program.
    static let keywords: Set<String> = ["if", "then", "do", "else", "elif", "while", "until", "!", "{", "}", "fi", "done", "esac", "(", ")"]
    /// Commands that are not a step's purpose when something follows them (`cd app && make`).
    static let preludes: Set<String> = ["cd", "pushd", "set", "export", "source", "."]
    /// The longest name made, in characters.
    static let maxLength = 40

    /// The id base of a recorded command: its program, and subcommand for the tools that have
    /// one; `shell` when no program can be read.
    package static func name(command: String) -> String {
        var found: [(words: [String], program: Int, subcommand: Int?)] = []
        for simple in ShellScanner.simpleCommands(of: command) where !simple.nested {
            let words = simple.words.filter { !$0.isRedirection }.map { String($0.text) }
            if let place = positions(words) { found.append((words, place.program, place.subcommand)) }
        }
        guard let chosen = found.first(where: { !preludes.contains($0.words[$0.program]) }) ?? found.first else { return "shell" }
        var parts = [basename(chosen.words[chosen.program])]
        if let subcommand = chosen.subcommand { parts.append(chosen.words[subcommand]) }
        return identifier(parts.joined(separator: "_"), fallback: "shell")
    }

    /// The id base of a recorded step: ``name(command:)`` for a `shell` step with a text
    /// `command`, else the action's name made an identifier.
    package static func name(for step: RecordedStep) -> String {
        if step.action == "shell", let parameter = step.parameters.first(where: { $0.name == "command" }), case .string(let command) = parameter.value {
            return name(command: command)
        }
        return identifier(step.action, fallback: "step")
    }

    /// The ids of `steps` in order: each step's ``name(for:)``, made unique.
    package static func ids(for steps: [RecordedStep]) -> [String] {
        var taken = Set<String>()
        return steps.map { unique(name(for: $0), in: &taken) }
    }

    /// `base`, or `base_2`, `base_3`, ... when `taken` has it; the result is added to `taken`.
    package static func unique(_ base: String, in taken: inout Set<String>) -> String {
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)_\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// `text` as an identifier: lowercase ASCII letters, digits and single `_`, starting with a
    /// letter (`step_` is put before a leading digit), at most ``maxLength`` characters;
    /// `fallback` when nothing is left.
    package static func identifier(_ text: String, fallback: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty, out.last != "_" {
                out.append("_")
            }
        }
        while out.last == "_" { out.removeLast() }
        if out.isEmpty { return fallback }
        if out.first?.isLetter != true { out = "step_" + out }
        if out.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.last == "_" { out.removeLast() }
        }
        return out
    }

    /// Where a simple command's program stands among its words (after keywords, `VAR=value`
    /// assignments and wrappers with their options), and its subcommand for the tools that have
    /// one; nil for `for`, `case`, `select` and `function` headers and for words that are only
    /// keywords.
    static func positions(_ words: [String]) -> (program: Int, subcommand: Int?)? {
        var index = 0
        while index < words.count {
            let word = words[index]
            if ["for", "case", "select", "function"].contains(word) { return nil }
            if keywords.contains(word) || isAssignment(word) {
                index += 1
                continue
            }
            if let withValue = wrappers[basename(word)] {
                index += 1
                while index < words.count, words[index].hasPrefix("-") || isAssignment(words[index]) {
                    if words[index] == "--" {
                        index += 1
                        break
                    }
                    index += withValue.contains(words[index]) ? 2 : 1
                }
                continue
            }
            break
        }
        guard index < words.count else { return nil }
        guard subcommandTools.contains(basename(words[index])) else { return (index, nil) }
        return (index, subcommand(words, after: index))
    }

    /// The index of a tool's subcommand: its first operand after its options, when that is a word
    /// (`tag`, `run-script`), not a path, a value or a URL.
    private static func subcommand(_ words: [String], after program: Int) -> Int? {
        var index = program + 1
        while index < words.count, words[index].hasPrefix("-") {
            index += optionsWithValue.contains(words[index]) ? 2 : 1
        }
        guard index < words.count else { return nil }
        let word = words[index]
        guard let first = word.unicodeScalars.first, first.isASCII, first.properties.isLowercase else { return nil }
        let allowed = word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0) || $0 == "-") }
        return allowed && word.count <= 20 ? index : nil
    }

    /// `NAME=value`, which a shell takes as an assignment before the program.
    static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        let name = word[..<equals]
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// The last part of a path (`./scripts/deploy.sh` gives `deploy.sh`).
    static func basename(_ word: String) -> String {
        guard let slash = word.lastIndex(of: "/"), word.index(after: slash) != word.endIndex else { return word }
        return String(word[word.index(after: slash)...])
    }
}
