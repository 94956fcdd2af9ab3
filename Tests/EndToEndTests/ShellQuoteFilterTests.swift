import ProcrunText
import Testing

/// The safe form for a remote shell's command and `sh -c` in a container (grammar.md, "Shell
/// safety"; issue 27, point 6): `{{ v | shell_quote }}` standing alone as a word of that script.
/// `sh -c` stands in for the remote shell: hostile values arrive byte-exact and nothing runs.
@Suite("shell_quote in a script a shell runs", .serialized)
struct ShellQuoteFilterTests {
    static let procedure = """
        name: remote
        inputs:
          v: {type: string}
        steps:
          - action: shell
            parameters: {command: "sh -c \\"printf '<%s>' {{ inputs.v | shell_quote }}\\""}
          - action: shell
            parameters: {command: "env LC_ALL=C sh -c \\"printf '<%s>' {{ inputs.v | shell_quote }} && echo done\\" | cat"}
          - action: shell
            parameters: {command: [sh, -c, "printf '<%s>' {{ inputs.v | shell_quote }}"]}

        """

    @Test("hostile values reach the inner shell as one word, byte-exact, and nothing they hold runs", arguments: [
        "$(touch pwned)", "'; touch pwned; '", "a\nb\n", "it's", "*", "`touch pwned`", "", "\"; touch pwned; \"", "$HOME \\ x",
    ])
    func hostile(value: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("remote.yaml", Self.procedure)
        let output = try ProcrunBinary.run(["remote", "--json", "--no-learn", "--set", "v=\(value)"], in: folder.path)
        #expect(output.status == 0)
        let report = AgentFixture.object(output.stdout)
        guard case .list(let steps)? = report?["steps"] else {
            Issue.record("no steps in \(output.stdout)")
            return
        }
        let outcomes = steps.map { step -> Value? in
            guard case .mapping(let fields) = step else { return nil }
            return fields["outcome"]
        }
        #expect(outcomes == [.string("<\(value)>"), .string("<\(value)>done"), .string("<\(value)>")])
        #expect(!folder.exists("pwned"))
    }

    @Test("shell_quote inside the inner script's quotes, or not a whole word there, is an error saying why; the false alarms of issue 27 pass")
    func misplaced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("deploy.yaml", """
            name: deploy
            inputs:
              v: {type: string, default: x}
            steps:
              - {action: shell, parameters: {command: "ssh host \\"deploy '{{ inputs.v | shell_quote }}'\\""}}
              - {action: shell, parameters: {command: "cargo watch -x {{ inputs.v }} && gh run watch {{ inputs.v }}"}}
              - {action: shell, parameters: {command: "[[ {{ inputs.v }} = windows-* ]] && echo sh -c {{ inputs.v }}"}}

            """)
        try ProcrunBinary.expect(["check", "deploy.yaml"], in: folder.path, status: 2, stderr: """
            deploy.yaml:5:62: error: 'shell_quote' makes a value safe in a word a program runs as code only where it stands, in that word's own script, alone as a word outside quotes ('deploy {{ v | shell_quote }}'); here it is inside quotes or part of a word, where the quotes it adds would not be read as quotes
              - {action: shell, parameters: {command: "ssh host \\"deploy '{{ inputs.v | shell_quote }}'\\""}}
                                                                         ^
            1 problem found in 1 file

            """)
    }
}
