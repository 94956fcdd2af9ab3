import Testing

/// What `check` can tell the run would fail on (issue 25, point 5): an input that may be null
/// where a value is needed, an output of a step that may be skipped, a literal path a step would
/// refuse; `--strict`, `--json`, `run --json` when nothing ran, exit 2 whenever nothing ran, and
/// a dry run's placeholders.
@Suite("check finds what the run would fail on", .serialized)
struct CheckForecastTests {
    /// A procedure with one read of each kind `check` warns about, and reads it lets pass: a
    /// `when` that tests the input, `default(...)`, a `when` that tests the step.
    static let deploy = """
        name: deploy
        inputs:
          tag: {type: string}
          replicas: {type: integer}
          test: {type: boolean, default: false}
        steps:
          - id: test
            action: shell
            when: inputs.test
            parameters: {command: echo passed}
            outputs:
              passed: "{{ result.stdout }}"
          - id: build
            action: shell
            parameters: {command: "echo {{ inputs.tag }}"}
          - action: log
            when: inputs.replicas != null and inputs.replicas > 1
            parameters: {message: "scaling to {{ inputs.replicas }}"}
          - action: log
            parameters: {message: "tests: {{ steps.test.outputs.passed }}, tag {{ inputs.tag | default('latest') }}"}
          - action: log
            when: steps.test.status == 'success'
            parameters: {message: "{{ steps.test.outputs.passed }}"}

        """

    /// A temporary folder holding ``deploy`` as `deploy.yaml`.
    static func deployFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("deploy.yaml", deploy)
        return folder
    }

    /// The warnings `check deploy.yaml` prints (as errors with `--strict`).
    static func warnings(_ severity: String) -> String {
        """
        deploy.yaml:15:36: \(severity): 'inputs.tag' is null when input 'tag' is given no value (it has no default and is not required); \
        give it a default, mark it required: true, or write 'inputs.tag | default(...)'
            parameters: {command: "echo {{ inputs.tag }}"}
                                           ^
        deploy.yaml:3:3: note: input 'tag' is declared here
          tag: {type: string}
          ^
        deploy.yaml:20:38: \(severity): 'steps.test.outputs.passed' is undefined when step 'test' is skipped; \
        read it in a step whose 'when' tests steps.test.status == 'success', or write 'steps.test.outputs.passed | default(...)'
            parameters: {message: "tests: {{ steps.test.outputs.passed }}, tag {{ inputs.tag | default('latest') }}"}
                                             ^
        deploy.yaml:9:11: note: step 'test' is skipped when this is false
            when: inputs.test
                  ^

        """
    }

    @Test("an input that may be null and an output of a step that may be skipped are warnings at the read; guarded reads pass")
    func warnings() throws {
        let folder = try Self.deployFolder()
        defer { folder.remove() }
        try ProcrunBinary.expect(
            ["check", "deploy.yaml", "--no-color"], in: folder.path, stdout: "ok: deploy.yaml: 'deploy', 5 steps\n", stderr: Self.warnings("warning"))
    }

    @Test("--strict makes the warnings errors, exit 2")
    func strict() throws {
        let folder = try Self.deployFolder()
        defer { folder.remove() }
        try ProcrunBinary.expect(
            ["check", "deploy.yaml", "--strict", "--no-color"], in: folder.path, status: 2, stdout: "ok: deploy.yaml: 'deploy', 5 steps\n",
            stderr: Self.warnings("error") + "2 problems found in 1 file\n")
    }

    @Test("check --json prints one document: the files, every diagnostic and a summary")
    func json() throws {
        let folder = try Self.deployFolder()
        defer { folder.remove() }
        try ProcrunBinary.expect(["check", "deploy.yaml", "--json"], in: folder.path, stdout: """
            {"files":[{"file":"deploy.yaml","procedure":"deploy","steps":5,"calls":0}],\
            "diagnostics":[{"file":"deploy.yaml","line":15,"column":36,"severity":"warning","id":"null-input",\
            "message":"'inputs.tag' is null when input 'tag' is given no value (it has no default and is not required); \
            give it a default, mark it required: true, or write 'inputs.tag | default(...)'",\
            "notes":[{"file":"deploy.yaml","line":3,"column":3,"message":"input 'tag' is declared here"}]},\
            {"file":"deploy.yaml","line":20,"column":38,"severity":"warning","id":"undefined-output",\
            "message":"'steps.test.outputs.passed' is undefined when step 'test' is skipped; \
            read it in a step whose 'when' tests steps.test.status == 'success', or write 'steps.test.outputs.passed | default(...)'",\
            "notes":[{"file":"deploy.yaml","line":9,"column":11,"message":"step 'test' is skipped when this is false"}]}],\
            "summary":{"files":1,"problems":0,"errors":0,"warnings":2,"success":true}}

            """)
        try ProcrunBinary.expect(["check", "missing.yaml", "--json"], in: folder.path, status: 2, stdout: """
            {"files":[{"file":"missing.yaml","procedure":null,"steps":null,"calls":null}],\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"procedure-reference",\
            "message":"cannot read 'missing.yaml': no such file or directory","notes":[]}],\
            "summary":{"files":1,"problems":1,"errors":1,"warnings":0,"success":false}}

            """)
    }

    @Test("the run: a null input a step needs is exit 2 before step 1; a skipped step's output names the skip")
    func run() throws {
        let folder = try Self.deployFolder()
        defer { folder.remove() }
        try ProcrunBinary.expect(["deploy.yaml", "--no-learn", "--no-color"], in: folder.path, status: 2, stderr: """
            deploy.yaml:15:36: error: 'inputs.tag' is null: input 'tag' was given no value and has no default; \
            give it with --set tag=VALUE, or give it a default, or write 'inputs.tag | default(...)'
                parameters: {command: "echo {{ inputs.tag }}"}
                                               ^
            deploy.yaml:3:3: note: input 'tag' is declared here
              tag: {type: string}
              ^

            """)
        try ProcrunBinary.expect(["deploy.yaml", "--no-learn", "--no-color", "--set", "tag=v1"], in: folder.path, status: 1, stdout: """
            ▶ deploy (deploy.yaml, 5 steps)
              1/5 - shell  test   skipped
              2/5 ✓ shell  build  <duration>
              3/5 - log    #3     skipped
              4/5 ✗ log    #4     <duration>
                  error: deploy.yaml:20:38: undefined name 'steps.test.outputs.passed': step 'test' was skipped, so it has no outputs
                      parameters: {message: "tests: {{ steps.test.outputs.passed }}, tag {{ inputs.tag | default('latest') }}"}
                                                       ^
            ✗ deploy failed in <duration>: 1 succeeded, 1 failed, 2 skipped, 1 not run; first failure: step 4

            """, normalizing: [.durations])
    }

    @Test("a literal write_file path outside the library, or naming its own files, is an error before the run")
    func literalPaths() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "{}\n")
        _ = try folder.write("write.yaml", """
            name: write
            inputs:
              name: {type: string, default: notes.txt}
            steps:
              - action: write_file
                parameters: {path: ../outside.txt, content: x}
              - action: write_file
                parameters: {path: procrun.yaml, content: x}
              - action: write_file
                parameters: {path: "{{ inputs.name }}", content: x}
              - action: write_file
                parameters: {path: /tmp/procrun-allowed.txt, content: x, outside_library: true}

            """)
        let problems = """
            write.yaml:6:24: error: write_file path '../outside.txt' is outside the library folder '.'; \
            write inside it, or add outside_library: true to the step's parameters
                parameters: {path: ../outside.txt, content: x}
                                   ^
            write.yaml:8:24: error: write_file path 'procrun.yaml' is the library's procrun.yaml, which a step does not overwrite; \
            write elsewhere, or add library_files: true to the step's parameters
                parameters: {path: procrun.yaml, content: x}
                                   ^

            """
        try ProcrunBinary.expect(["check", "write.yaml", "--no-color"], in: folder.path, status: 2, stderr: problems + "2 problems found in 1 file\n")
        try ProcrunBinary.expect(["write.yaml", "--no-color"], in: folder.path, status: 2, stderr: problems)
        #expect(!folder.exists("notes.txt"))
    }

    @Test("run --json prints one document when the run cannot start: a missing file, an unknown procedure, a bad --set")
    func runJSONNotStarted() throws {
        let folder = try Self.deployFolder()
        defer { folder.remove() }
        try ProcrunBinary.expect(["missing.yaml", "--json"], in: folder.path, status: 2, stdout: """
            {"procedure":null,"file":"missing.yaml","success":false,"duration_ms":0,"learned":false,\
            "error":"cannot read 'missing.yaml': no such file or directory",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"procedure-reference",\
            "message":"cannot read 'missing.yaml': no such file or directory","notes":[]}],"steps":[],"outputs":{}}

            """, stderr: "error: cannot read 'missing.yaml': no such file or directory\n")
        try ProcrunBinary.expect(["run", "nosuch", "--json"], in: folder.path, status: 2, stdout: """
            {"procedure":null,"file":"nosuch","success":false,"duration_ms":0,"learned":false,\
            "error":"no procedure named 'nosuch' in the library folder '.'",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"procedure-reference",\
            "message":"no procedure named 'nosuch' in the library folder '.'","notes":[]}],"steps":[],"outputs":{}}

            """, stderr: "error: no procedure named 'nosuch' in the library folder '.'\n")
        try ProcrunBinary.expect(["deploy.yaml", "--set", "tag", "--json"], in: folder.path, status: 2, stdout: """
            {"procedure":null,"file":"deploy.yaml","success":false,"duration_ms":0,"learned":false,\
            "error":"--set 'tag': expected NAME=VALUE",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"invalid-argument",\
            "message":"--set 'tag': expected NAME=VALUE","notes":[]}],"steps":[],"outputs":{}}

            """, stderr: "error: --set 'tag': expected NAME=VALUE\n")
        // A command line the parser refuses: the document on stdout, the parser's usage on stderr.
        let refused = try ProcrunBinary.run(["deploy.yaml", "--json", "--bogus"], in: folder.path)
        #expect(refused.status == 2)
        WholeText.expect(refused.stdout, equals: """
            {"procedure":null,"file":"deploy.yaml","success":false,"duration_ms":0,"learned":false,\
            "error":"unknown option '--bogus'",\
            "diagnostics":[{"file":null,"line":null,"column":null,"severity":"error","id":"invalid-argument",\
            "message":"unknown option '--bogus'","notes":[]}],"steps":[],"outputs":{}}

            """, "run --json --bogus")
        #expect(refused.stderr.hasPrefix("Error: Unknown option '--bogus'\n"))
        #expect(try ProcrunBinary.run(["check", "--bogus"], in: folder.path).stdout.isEmpty)
    }

    @Test("a dry run never feeds a step's description into later templates: they read placeholders")
    func dryRunPlaceholders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("dry.yaml", """
            name: dry
            steps:
              - id: build
                action: shell
                parameters: {command: "echo built"}
                outputs:
                  first: "{{ result.outcome }}"
              - id: ask
                action: deploy_it
                parameters: {target: prod}
              - action: log
                parameters: {message: "{{ steps.build.stdout }} / {{ steps.ask.outcome }} / {{ steps.build.outputs.first }}"}
              - action: shell
                parameters: {command: "echo {{ steps.ask.outcome }}"}

            """)
        try ProcrunBinary.expect(["dry.yaml", "--dry-run", "--executor", "cat", "--no-color"], in: folder.path, stdout: """
            ▶ dry (dry.yaml, 4 steps)
              1/4 ✓ shell      build  (dry run)
                  $ echo built
              2/4 ✓ deploy_it  ask    (dry run)
                  executor: deploy_it {"target":"prod"}
              3/4 ✓ log        #3     (dry run)
                  <steps.build.stdout: unknown in a dry run> / <steps.ask.outcome: unknown in a dry run> / <steps.build.outcome: unknown in a dry run>
              4/4 ✓ shell      #4     (dry run)
                  $ echo '<steps.ask.outcome: unknown in a dry run>'
            ✓ dry dry run, nothing ran: 4 would run

            """)
    }
}
