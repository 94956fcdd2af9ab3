extension ShellCodeRules {
    /// A program that runs its arguments as a command (`sudo`, `env`, `timeout 5`, `docker exec
    /// C`): how many of its words it takes before that command, whose first word is then a
    /// program's name as the first word of a command line is.
    struct Wrapper {
        /// Short options that take the next word (or the rest of their cluster) as argument.
        var shortArguments: Set<Unicode.Scalar> = []
        /// Long options that take the next word as argument (unless written `--name=value`).
        var longArguments: Set<String> = []
        /// Words after the options and before the command: `timeout`'s duration, `docker exec`'s
        /// container, `chroot`'s folder.
        var operands = 0
        /// The command comes only after `--` (`kubectl exec POD -- CMD`).
        var afterDashes = false

        /// The wrappers by program name; `find`'s `-exec` is read apart (``commandPositions(_:)``).
        static let table: [String: Wrapper] = [
            "sudo": Wrapper(
                shortArguments: ["u", "U", "g", "C", "D", "h", "p", "r", "t", "T"],
                longArguments: ["--user", "--other-user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type", "--command-timeout"]),
            "doas": Wrapper(shortArguments: ["u", "C"]),
            "env": Wrapper(shortArguments: ["u", "C", "S"], longArguments: ["--unset", "--chdir", "--split-string"]),
            "nice": Wrapper(shortArguments: ["n"], longArguments: ["--adjustment"]),
            "ionice": Wrapper(shortArguments: ["c", "n", "p", "P", "u"], longArguments: ["--class", "--classdata", "--pid", "--pgid", "--uid"]),
            "nohup": Wrapper(), "setsid": Wrapper(), "command": Wrapper(), "builtin": Wrapper(), "unbuffer": Wrapper(),
            "exec": Wrapper(shortArguments: ["a"]),
            "time": Wrapper(shortArguments: ["f", "o"], longArguments: ["--format", "--output"]),
            "timeout": Wrapper(shortArguments: ["s", "k"], longArguments: ["--signal", "--kill-after"], operands: 1),
            "stdbuf": Wrapper(shortArguments: ["i", "o", "e"], longArguments: ["--input", "--output", "--error"]),
            "chroot": Wrapper(longArguments: ["--userspec", "--groups"], operands: 1),
            "taskset": Wrapper(operands: 1),
            "flock": Wrapper(shortArguments: ["w", "E", "c"], longArguments: ["--timeout", "--conflict-exit-code", "--command"], operands: 1),
            "runuser": Wrapper(shortArguments: ["u", "g", "G", "c", "s", "w"], longArguments: ["--user", "--group", "--supp-group", "--command", "--shell"]),
            "xargs": Wrapper(
                shortArguments: ["a", "d", "E", "I", "L", "n", "P", "s"],
                longArguments: ["--arg-file", "--delimiter", "--eof", "--replace", "--max-lines", "--max-args", "--max-procs", "--max-chars", "--process-slot-var"]),
        ]

        /// Wrappers that are a subcommand of their program (`docker exec`), by program and subcommand.
        static let subcommands: [String: [String: Wrapper]] = {
            let exec = Wrapper(
                shortArguments: ["e", "u", "w"], longArguments: ["--env", "--env-file", "--user", "--workdir", "--detach-keys"], operands: 1)
            let kubectl = Wrapper(afterDashes: true)
            return ["docker": ["exec": exec], "podman": ["exec": exec], "nerdctl": ["exec": exec], "kubectl": ["exec": kubectl], "oc": ["exec": kubectl]]
        }()
    }

    /// The words shells read as keywords before a command (`if`, `!`, `then`): the word after
    /// one is a command's first word.
    static let keywords: Set<String> = ["if", "then", "do", "else", "elif", "while", "until", "!", "{"]

    /// The indices (among `words`, redirections left out by the caller) of the words that are a
    /// program's name: the first word that is no keyword or assignment (`X=1 make`), and the first
    /// word of each command a wrapper runs (`sudo -u root sh`, `find . -exec sh -c ... \;`), so
    /// that a program's name given as an argument (`echo sh -c x`, `cargo watch -x`) is not taken
    /// for that program.
    static func commandPositions(_ words: [String]) -> Set<Int> {
        var positions: Set<Int> = []
        var index = 0
        while index < words.count {
            while index < words.count, keywords.contains(words[index]) || ShellPlanner.isAssignment(words[index]) { index += 1 }
            guard index < words.count else { break }
            positions.insert(index)
            let name = basename(words[index])
            if name == "find" {
                for (position, word) in words.enumerated().dropFirst(index + 1) where ["-exec", "-execdir", "-ok", "-okdir"].contains(word) {
                    positions.formUnion(commandPositions(Array(words[(position + 1)...])).map { $0 + position + 1 })
                }
                break
            }
            var wrapper = Wrapper.table[name]
            if wrapper == nil, index + 1 < words.count, let found = Wrapper.subcommands[name]?[words[index + 1]] {
                wrapper = found
                index += 1
            }
            guard let wrapper else { break }
            index += 1
            if wrapper.afterDashes {
                guard let dashes = words[index...].firstIndex(of: "--") else { break }
                index = dashes + 1
                continue
            }
            index = afterOptions(of: wrapper, in: words, from: index) + wrapper.operands
        }
        return positions
    }

    /// The index of the first word after `wrapper`'s options, from `start` (after a `--` that ends them).
    private static func afterOptions(of wrapper: Wrapper, in words: [String], from start: Int) -> Int {
        var index = start
        while index < words.count {
            let word = words[index]
            let scalars = Array(word.unicodeScalars)
            guard scalars.count > 1, scalars[0] == "-" else { return index }
            if word == "--" { return index + 1 }
            if word.hasPrefix("--") {
                index += !word.contains("=") && wrapper.longArguments.contains(word) ? 2 : 1
                continue
            }
            // A cluster: the first letter that takes an argument takes the rest, or the next word.
            if let position = scalars.indices.dropFirst().first(where: { wrapper.shortArguments.contains(scalars[$0]) }), position == scalars.count - 1 {
                index += 2
            } else {
                index += 1
            }
        }
        return index
    }
}
