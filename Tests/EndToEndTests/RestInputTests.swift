import Testing

/// Variadic inputs (grammar.md, "Inputs", `rest`; issue 27, point 5): the words after `--` are the
/// value of the procedure's `rest: true` list input, and a list standing alone as a word of a
/// command spreads as separate words, each one data.
@Suite("the words after --", .serialized)
struct RestInputTests {
    /// A library whose `test` procedure passes its rest input to a command line run directly, one
    /// run by the shell, a list-form command and a library action.
    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("procrun.yaml", """
            actions:
              words:
                parameters:
                  args: {default: none}
                command: "printf '<%s>' {{ params.args }}"

            """)
        _ = try folder.write("test.yaml", """
            name: test
            inputs:
              args: {type: list, rest: true, default: []}
            steps:
              - action: shell
                parameters: {command: "printf '<%s>' cargo test {{ inputs.args }}"}
              - action: shell
                parameters: {command: "printf '<%s>' {{ inputs.args }} | cat"}
              - action: shell
                parameters: {command: [printf, "<%s>", "{{ inputs.args }}"]}
              - action: words
                parameters: {args: "{{ inputs.args }}"}

            """)
        return folder
    }

    /// The JSON report of `test` whose four steps printed `outcomes`.
    static func report(_ outcomes: [String]) -> String {
        let steps = outcomes.enumerated().map { index, outcome in
            """
            {"step":\(index + 1),"id":null,"action":"\(index == 3 ? "words" : "shell")","status":"success","outcome":"\(outcome)",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}
            """
        }
        return """
            {"procedure":"test","file":"test.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[\(steps.joined(separator: ","))],\
            "outputs":{}}

            """
    }

    @Test("procrun test -- WORDS: each word arrives as one argument, exactly (spaces, globs, $(...), an empty word, a word that looks like an option)")
    func wordsAfterDashes() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let words = "<-v><a b><*><$(touch pwned)><><--json>"
        try ProcrunBinary.expect(
            ["test", "--json", "--no-learn", "--", "-v", "a b", "*", "$(touch pwned)", "", "--json"], in: folder.path,
            stdout: Self.report(["<cargo><test>" + words, words, words, words]), normalizing: [.durationFields])
        #expect(!folder.exists("pwned"))
        try ProcrunBinary.expect(["run", "test", "--json", "--no-learn"], in: folder.path, stdout: Self.report(["<cargo><test>", "<>", "<>", "<>"]), normalizing: [.durationFields])
        try ProcrunBinary.expect(
            ["test", "--json", "--no-learn", "--set", "args=x,y z"], in: folder.path, stdout: Self.report(["<cargo><test><x><y z>", "<x><y z>", "<x><y z>", "<x><y z>"]),
            normalizing: [.durationFields])
    }

    @Test("a dry run shows each word spread, quoted for the shell")
    func dryRun() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["test", "--dry-run", "--no-learn", "--", "a b", "$HOME"], in: folder.path, stdout: """
            ▶ test (test.yaml, 4 steps)
              1/4 ✓ shell  #1  (dry run)
                  $ printf '<%s>' cargo test 'a b' '$HOME'
              2/4 ✓ shell  #2  (dry run)
                  $ printf '<%s>' 'a b' '$HOME' | cat
              3/4 ✓ shell  #3  (dry run)
                  $ printf '<%s>' 'a b' '$HOME'
              4/4 ✓ words  #4  (dry run)
                  $ printf '<%s>' 'a b' '$HOME'
            ✓ test dry run, nothing ran: 4 would run

            """)
    }
}

extension RestInputTests {
    /// A procedure with `rest` misused and lists where they cannot spread.
    static let misplaced = """
        name: bad
        inputs:
          args: {type: list, rest: true}
          name: {type: string, rest: true}
          more: {type: list, rest: true}
        steps:
          - action: shell
            parameters: {command: "echo \\"{{ inputs.args }}\\" --only={{ inputs.args }}"}
          - action: shell
            parameters: {command: [echo, "--only={{ inputs.args }}"]}
          - action: words
            parameters: {args: "{{ inputs.args }}"}

        """

    @Test("words after -- for a procedure without a rest input, with --set of it too, or with several procedures are refused before anything runs")
    func refusedWords() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        _ = try folder.write("other.yaml", "name: other\nsteps:\n  - action: shell\n    parameters: {command: \"true\"}\n")
        try ProcrunBinary.expect(["test", "--set", "args=a", "--", "b"], in: folder.path, status: 2, stderr: """
            error: input 'args' is given twice: with --set and as the words after '--'; give it one way
            test.yaml:3:3: note: input 'args' is declared here
              args: {type: list, rest: true, default: []}
              ^

            """)
        try ProcrunBinary.expect(["other", "--", "x"], in: folder.path, status: 2, stderr: """
            error: procedure 'other' takes no words after '--', found 'x'; declare a list input with 'rest: true' to take them, or give inputs with --set NAME=VALUE

            """)
        try ProcrunBinary.expect(["test", "other", "--", "x"], in: folder.path, status: 2, stderr: "error: -- works on one procedure, found 2; run them one at a time\n")
    }

    @Test("check refuses rest on a second input or one that is not a list, and a list where it cannot spread: in quotes, in a word, in a list-form item, in a library action's quotes")
    func checked() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "actions:\n  words:\n    parameters:\n      args: {}\n    command: \"printf '<%s>' '{{ params.args }}'\"\n")
        _ = try folder.write("bad.yaml", Self.misplaced)
        let spread = "a list spreads as separate words only where it stands alone as a word outside quotes (cargo test {{ inputs.args }}); here it is inside quotes or part of a word: write '| join(\" \")' to make it one text"
        try ProcrunBinary.expect(["check", "bad.yaml"], in: folder.path, status: 2, stderr: """
            bad.yaml:4:30: error: 'rest' applies to list inputs, which take the words after '--'; input 'name' is string; write 'type: list'
              name: {type: string, rest: true}
                                         ^
            bad.yaml:5:28: error: input 'more' has 'rest: true', but input 'args' already takes the words after '--'; a procedure has at most one such input
              more: {type: list, rest: true}
                                       ^
            bad.yaml:8:34: error: \(spread)
                parameters: {command: "echo \\"{{ inputs.args }}\\" --only={{ inputs.args }}"}
                                             ^
            bad.yaml:8:60: error: \(spread)
                parameters: {command: "echo \\"{{ inputs.args }}\\" --only={{ inputs.args }}"}
                                                                       ^
            bad.yaml:10:42: error: a list spreads into items only where an item is exactly its one template ('{{ inputs.args }}'); here the item holds more: write '| join(" ")' to make it one text
                parameters: {command: [echo, "--only={{ inputs.args }}"]}
                                                     ^
            bad.yaml:12:25: error: \(spread)
                parameters: {args: "{{ inputs.args }}"}
                                    ^
            6 problems found in 1 file

            """)
    }

    @Test("show says which input takes the words after --")
    func shown() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let shown = try ProcrunBinary.run(["show", "test"], in: folder.path)
        #expect(shown.stdout.contains("  args  list  default: []; takes the words after --\n"))
    }
}
