import Testing

/// "Not given" for a callee's optional input (grammar.md, `replay_procedure`; issue 27, point 9):
/// a call's input that is null, written `~` or a template of one expression reading an input the
/// caller was not given, passes no value, so the callee's default applies.
@Suite("inputs not given to a callee", .serialized)
struct NotGivenTests {
    static let callee = "name: callee\ninputs:\n  tag: {default: latest}\nsteps:\n  - action: shell\n    parameters: {command: \"echo tag={{ inputs.tag }}\"}\n"
    static let caller = """
        name: caller
        inputs:
          tag: {required: false}
        steps:
          - action: callee
            parameters: {tag: "{{ inputs.tag }}"}
          - action: replay_procedure
            parameters: {procedure: callee, inputs: {tag: ~}}

        """

    @Test("an input the caller was not given, passed on alone, gives the callee none: its default applies; check has nothing to say")
    func passedOn() throws {
        let folder = try TemporaryFolder(files: [("procrun.yaml", ""), ("callee.yaml", Self.callee), ("caller.yaml", Self.caller)])
        defer { folder.remove() }
        try ProcrunBinary.expect(["check", "caller.yaml"], in: folder.path, stdout: "ok: caller.yaml: 'caller', 2 steps, calls 1 procedure\n")
        for (arguments, first) in [([String](), "latest"), (["--set", "tag=v1"], "v1")] {
            try ProcrunBinary.expect(["run", "caller", "--no-learn", "--json"] + arguments, in: folder.path, stdout: """
                {"procedure":"caller","file":"caller.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,\
                "action":"callee","status":"success","outcome":"","duration_ms":<ms>,"error":null,"attempts":1,"steps":[{"step":1,"id":null,\
                "action":"shell","status":"success","outcome":"tag=\(first)","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}]},\
                {"step":2,"id":null,"action":"replay_procedure","status":"success","outcome":"","duration_ms":<ms>,"error":null,"attempts":1,\
                "steps":[{"step":1,"id":null,"action":"shell","status":"success","outcome":"tag=latest","duration_ms":<ms>,"exit_code":0,\
                "error":null,"attempts":1}]}],"outputs":{}}

                """, normalizing: [.durationFields])
        }
    }

    @Test("a template that puts the missing input inside text still needs its value: a warning in check, an error before the run")
    func insideText() throws {
        let folder = try TemporaryFolder(files: [
            ("procrun.yaml", ""), ("callee.yaml", Self.callee),
            ("mixed.yaml", "name: mixed\ninputs:\n  tag: {required: false}\nsteps:\n  - action: callee\n    parameters: {tag: \"v{{ inputs.tag }}\"}\n"),
        ])
        defer { folder.remove() }
        try ProcrunBinary.expect(["check", "mixed.yaml"], in: folder.path, stdout: "ok: mixed.yaml: 'mixed', 1 step, calls 1 procedure\n", stderr: """
            mixed.yaml:6:28: warning: 'inputs.tag' is null when input 'tag' is given no value (it has no default and is not required); give it a default, mark it required: true, or write 'inputs.tag | default(...)'
                parameters: {tag: "v{{ inputs.tag }}"}
                                       ^
            mixed.yaml:3:3: note: input 'tag' is declared here
              tag: {required: false}
              ^

            """)
        try ProcrunBinary.expect(["run", "mixed", "--no-learn"], in: folder.path, status: 2, stderr: """
            mixed.yaml:6:28: error: 'inputs.tag' is null: input 'tag' was given no value and has no default; give it with --set tag=VALUE, or give it a default, or write 'inputs.tag | default(...)'
                parameters: {tag: "v{{ inputs.tag }}"}
                                       ^
            mixed.yaml:3:3: note: input 'tag' is declared here
              tag: {required: false}
              ^

            """)
    }
}
