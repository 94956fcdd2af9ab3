import ProcrunKit
import Testing

/// Answers at the prompt checked one at a time (issue 25, point 8), and `--set` lists as JSON.
extension LanguageFeatureTests {
    @Test("each answer is checked at once and asked again with the reason, naming the input; the secret only after the others")
    func promptAsksAgain() throws {
        let output = try onTerminal(
            [
                ("env [dev, prod]: ", "staging"), ("env [dev, prod]: ", "prod"), ("replicas: ", "two"), ("replicas: ", ""),
                ("replicas: ", "2"), ("token: ", "bad"), ("token: ", "tok-abc"),
            ],
            ["prompt-checked.yaml", "--no-learn"], fixture: "prompt-checked.yaml")
        // A terminal's live line is rewritten as the step runs: what is checked is what does not depend on time.
        #expect(output.status == 0, "driver: \(output.stderr)")
        let asked = """
            env [dev, prod]: staging
            error: input 'env' must be one of dev, prod, found 'staging'
            env [dev, prod]: prod
            replicas: two
            error: input 'replicas': expected an integer, found 'two'
            replicas: 
            error: input 'replicas' is required; type its value (Ctrl-D stops asking)
            replicas: 2
            token: 
            error: input 'token' must match the pattern 'tok-[a-z]+', found '***'
            token: 
            ▶ prompt_checked (prompt-checked.yaml, 1 step)

            """
        #expect(output.stdout.hasPrefix(asked), "\(WholeText.diff(from: asked, to: output.stdout))")
        #expect(output.stdout.contains("      prod x2, a token of 7 characters\n"))
        #expect(!output.stdout.contains("tok-abc") && !output.stdout.contains("bad"))
        #expect(output.stdout.hasSuffix("exit 0\n"))
    }

    @Test("the end of input stops the asking: the inputs not answered are missing, in the order asked, and nothing runs")
    func promptEndOfInput() throws {
        let output = try onTerminal([("env [dev, prod]: ", "dev"), ("replicas: ", "^D")], ["prompt-checked.yaml"], fixture: "prompt-checked.yaml")
        WholeText.expect(output.stdout, equals: """
            env [dev, prod]: dev
            replicas: 
            error: missing required input 'replicas'; give it with --set replicas=VALUE
            prompt-checked.yaml:4:3: note: input 'replicas' is declared here
              replicas: {type: integer, required: true}
              ^
            error: missing required input 'token'; give it with --set token=VALUE
            prompt-checked.yaml:5:3: note: input 'token' is declared here
              token: {type: string, required: true, secret: true, pattern: "tok-[a-z]+"}
              ^
            exit 2

            """, "terminal")
    }

    @Test("--set reads a list that starts with '[' as JSON, so an item may hold a comma; the comma form stays")
    func setJSONList() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("items.yaml", """
            name: items
            inputs:
              items: {type: list}
            steps:
              - action: log
                parameters: {message: "{{ inputs.items | length }}: {{ inputs.items | join(' / ') }}"}

            """)
        let json = try ProcrunBinary.run(["items.yaml", "--no-learn", "--json", "--set", #"items=["a, b", "c", 3]"#], in: folder.path)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains(#""outcome":"3: a, b / c / 3""#), "\(json.stdout)")
        let comma = try ProcrunBinary.run(["items.yaml", "--no-learn", "--json", "--set", "items=a, b,c"], in: folder.path)
        #expect(comma.stdout.contains(#""outcome":"3: a /  b / c""#), "\(comma.stdout)")
        try ProcrunBinary.expect(["items.yaml", "--no-learn", "--set", #"items=["a", {"b": 1}]"#, "--set", "items=[a"], in: folder.path, status: 2, stderr: """
            error: --set items: expected a comma-separated list for input 'items', found '["a", {"b": 1}]'; a value starting with '[' is read as a JSON list of strings, numbers and booleans, such as ["a, b", "c"]
            items.yaml:3:3: note: input 'items' is declared here
              items: {type: list}
              ^
            error: --set items: expected a comma-separated list for input 'items', found '[a'; a value starting with '[' is read as a JSON list of strings, numbers and booleans, such as ["a, b", "c"]
            items.yaml:3:3: note: input 'items' is declared here
              items: {type: list}
              ^

            """)
    }
}
