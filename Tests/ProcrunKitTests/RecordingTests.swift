@testable import ProcrunKit
@testable import ProcrunLanguage
@testable import ProcrunMemory
@testable import ProcrunRuntime
@testable import ProcrunText
import Testing

@Suite("recording")
struct RecordingTests {
    /// Loads `text` as a procedure in an empty library.
    static func load(_ text: String) throws -> Procedure {
        try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "draft.yaml", text: text))
    }

    static let awkward = [
        "yes", "no", "on", "off", "null", "~", "true", "0755", "1.10", "12:30", "2001-12-14", "-dash", "- item", "key: value", "a # b",
        "#comment", "@at", "`tick`", "*star", "&anchor", "!tag", "%percent", "|pipe", ">fold", "[list]", "{map}", "'single'",
        "\"double\"", "it's", "both ' and \"", "trailing space ", " leading", "tab\there", "new\nline", "back\\slash", "é unicode 🚀",
        "{{ not a template }}", "{{{ triple", "}} closing", "bell\u{07}", "", "echo \"$(date)\" | tr a b > out.txt", "x: y: z",
    ]

    @Test("every recorded string reads back exactly, never as a template", arguments: awkward)
    func roundTrip(text: String) throws {
        var step = DraftStep(action: "log")
        step.parameters = [("message", .text([.text(text)]))]
        step.contains = text.isEmpty ? [] : [text]
        let draft = ProcedureDraft(name: "quoting", description: text, steps: [step])
        let yaml = ProcedureWriter.text(draft)
        let procedure = try Self.load(yaml)
        #expect(procedure.description == text, "yaml:\n\(yaml)")
        guard case .builtin(let action) = procedure.steps[0].call, let log = action as? LogAction else {
            Issue.record("not a log step")
            return
        }
        #expect(try log.message.template.render(in: RenderContext(roots: [:])) == .string(text), "yaml:\n\(yaml)")
        if !text.isEmpty {
            #expect(try procedure.steps[0].expect.contains[0].template.render(in: RenderContext(roots: [:])) == .string(text))
        }
    }

    @Test("random strings of YAML's special characters read back exactly")
    func randomRoundTrips() throws {
        let alphabet = Array("ab 1:#-'\"{}[],&*!|>%@`?\\\t\n~=.é🚀\u{7}")
        var random = SplitMix64(seed: 5)
        var step = DraftStep(action: "set")
        var texts: [String] = []
        for index in 0..<300 {
            let text = String((0..<(1 + random.next(below: 12))).map { _ in alphabet[random.next(below: alphabet.count)] })
            texts.append(text)
            step.parameters.append(("v\(index)", .text([.text(text)])))
        }
        let yaml = ProcedureWriter.text(ProcedureDraft(name: "random", description: "d", steps: [step]))
        let procedure = try Self.load(yaml)
        guard let values = procedure.steps[0].call.setValues else {
            Issue.record("not a set step")
            return
        }
        for ((_, value), text) in zip(values, texts) {
            switch value {
            case .template(let field): #expect(try field.template.render(in: RenderContext(roots: [:])) == .string(text))
            case .typed(let typed): #expect(typed == .string(text), "\(text) was read as \(typed)")
            }
        }
    }

    @Test func plainWhenSafe() {
        #expect(YAMLQuoting.scalar("make test") == "make test")
        #expect(YAMLQuoting.scalar("curl http://example.com/x") == "curl http://example.com/x")
        #expect(YAMLQuoting.scalar("yes") == "'yes'")
        #expect(YAMLQuoting.scalar("say \"hi\"") == "'say \"hi\"'")
        #expect(YAMLQuoting.scalar("it's") == "\"it's\"")
        #expect(YAMLQuoting.scalar("a\nb") == "\"a\\nb\"")
    }

    @Test func stableFragments() {
        #expect(StableFragment.pick(from: "All 142 tests passed in 3.2s") == "tests passed in")
        #expect(StableFragment.pick(from: "Wed Nov 25 13:03:26 UTC 2026") == nil)
        #expect(StableFragment.pick(from: "2026-11-25T13:03:26Z build ok") == "build ok")
        #expect(StableFragment.pick(from: "wrote /tmp/procrun-abc/out.txt successfully") == "successfully")
        #expect(StableFragment.pick(from: "digest: sha256:9f86d081884c7d65\nImage built successfully\n") == "Image built successfully")
        #expect(StableFragment.pick(from: "") == nil)
        #expect(StableFragment.pick(from: "a  b\tc  words") == "a  b\tc  words")
        #expect(StableFragment.pick(from: [.text("token "), .secret(input: "t"), .text(" accepted by server")]) == "accepted by server")
    }

    @Test func redactsKnownValuesAndCredentialShapes() {
        var redactor = SecretRedactor(environment: ["API_TOKEN": "abc-123-secret", "HOME": "/root", "PASSWORD": "pw"], secretNames: [])
        let parts = redactor.redact("use abc-123-secret and AKIAABCDEFGHIJKLMNOP and password=hunter22 and secret: true and /root")
        #expect(RedactedPart.template(of: parts) == "use {{ inputs.api_token }} and {{ inputs.aws_access_key }} and password={{ inputs.password }} and secret: true and /root")
        #expect(redactor.inputs.map(\.name) == ["api_token", "aws_access_key", "password"])
        #expect(RedactedPart.template(of: redactor.redact("again abc-123-secret")) == "again {{ inputs.api_token }}")
        #expect(redactor.inputs.count == 3)
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        #expect(RedactedPart.template(of: redactor.redact("token \(jwt)")) == "token {{ inputs.jwt }}")
        #expect(RedactedPart.template(of: redactor.redact("postgres://app:s3cret@db:5432/app")) == "postgres://app:{{ inputs.url_password }}@db:5432/app")
    }

    @Test func recorderKeepsOnlySuccessesAndNeedsOne() throws {
        var recorder = Recorder(name: "r", description: "d")
        #expect(recorder.draft() == nil)
        #expect(throws: Recorder.Problem.self) { try recorder.note("x") }
        recorder.record(.shell("false", output: "", exitCode: 1, durationMilliseconds: 2))
        #expect(recorder.draft() == nil)
        recorder.record(.shell("echo ok", output: "ok done\n", exitCode: 0, durationMilliseconds: 7))
        try recorder.note("a note")
        #expect(throws: Recorder.Problem.self) { try recorder.expect("not in the output") }
        let draft = try #require(recorder.draft(at: "2026-01-02T03:04:05Z"))
        #expect(draft.steps.count == 1)
        #expect(draft.steps[0].exitCode == 0)
        #expect(draft.steps[0].id == "echo")
        #expect(draft.steps[0].contains == [], "one observation is no evidence that the output comes back")
        #expect(draft.steps[0].notes == "a note")
        #expect(draft.stats?.durationMilliseconds == 7)
        #expect(ProcedureWriter.text(draft).hasSuffix("""
            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 7
              avg_duration_ms: 7
              last_executed: "2026-01-02T03:04:05Z"

            """))
        #expect(recorder.undo()?.action == "shell")
        #expect(recorder.draft() == nil)
    }

    @Test("a fragment is expected only when every run of the same action with the same parameters printed it")
    func repeatedFragments() throws {
        var recorder = Recorder(name: "r", description: "d")
        recorder.record(.shell("make", output: "cc -o calc calc.c\n", exitCode: 0, durationMilliseconds: 1))
        recorder.record(.shell("make", output: "make: 'calc' is up to date.\n", exitCode: 0, durationMilliseconds: 1))
        recorder.record(.shell("./check", output: "all checks passed in 3s\n", exitCode: 0, durationMilliseconds: 1))
        recorder.record(.shell("./check", output: "", exitCode: 1, durationMilliseconds: 1))
        recorder.record(.shell("./check", output: "7 notes\nall checks passed in 2s\n", exitCode: 0, durationMilliseconds: 1))
        recorder.record(RecordedStep(action: "log", parameters: ["message": "hi"], outcome: "said hi there"))
        recorder.record(RecordedStep(action: "log", parameters: ["message": "ho"], outcome: "said hi there"))
        let draft = try #require(recorder.draft())
        #expect(draft.steps.map(\.id) == ["make", "make_2", "check", "check_2", "log", "log_2"])
        #expect(draft.steps.map(\.contains) == [[], [], ["all checks passed in"], ["all checks passed in"], [], []])
    }

    @Test func jsonParser() throws {
        let value = try JSONParser.parse(#" {"b": [1, -2.5e3, true, null], "a": "\u00e9\ud83d\ude80\n", "a": "last"} "#)
        #expect(value.jsonText == #"{"b":[1,-2.5e3,true,null],"a":"last"}"#)
        let bad: [(String, String, Int, JSONParser.Failure.Kind)] = [
            ("", "expected a JSON value, found the end of the line", 1, .syntax),
            ("{\"a\": 1,}", "expected a string key, found '}'", 9, .syntax),
            ("[1 2]", "expected ',' or ']', found '2'", 4, .syntax),
            ("01", "numbers may not start with 0", 1, .syntax),
            ("\"\\ud800\"", "lone surrogate in \\u escape", 8, .unsupported),
            ("\"a\tb\"", "control character in a string; write it as an escape such as \\n", 3, .syntax),
            ("{'a': 1}", "expected a string key, found '''", 2, .syntax),
            ("[1] x", "unexpected text after the JSON value", 5, .syntax),
            ("nul", "expected a JSON value, found 'n'", 1, .syntax),
            (String(repeating: "[", count: 100), "JSON nested deeper than 64 levels", 65, .unsupported),
            ("1e400", "number out of range: 1e400", 1, .unsupported),
        ]
        for (text, message, column, kind) in bad {
            #expect(throws: JSONParser.Failure(message: message, column: column, kind: kind), "\(text)") { try JSONParser.parse(text) }
        }
    }

    @Test("the parser tells where the value of each member of the top-level object lies, nested members not")
    func jsonMemberRanges() throws {
        let bytes = Array(#" { "id" : 1.50 , "params": {"id": "x"}, "s": "\u0041", "id": [ 2 ] } "#.utf8)
        let (value, members) = try JSONParser.parseLocatingMembers(bytes)
        #expect(members.mapValues { String(decoding: bytes[$0], as: UTF8.self) } == ["id": "[ 2 ]", "params": #"{"id": "x"}"#, "s": #""\u0041""#])
        #expect(value["id"]?.jsonText == "[2]")
        #expect(try JSONParser.parseLocatingMembers(Array(#"[{"id": 1}]"#.utf8)).members.isEmpty)
    }

    @Test("a string's plain runs end exactly at a quote, backslash or control character at any offset")
    func jsonStringRuns() throws {
        for count in 0..<20 {
            let plain = String(repeating: "aé~", count: count)
            for (escaped, decoded) in [("\\\"", "\""), ("\\\\", "\\"), ("\\n", "\n"), ("\\u00e9", "é")] {
                #expect(try JSONParser.parse("\"\(plain)\(escaped)\(plain)\"") == .string(plain + decoded + plain))
            }
            let column = plain.utf8.count + 2
            #expect(throws: JSONParser.Failure(message: "control character in a string; write it as an escape such as \\n", column: column)) {
                try JSONParser.parse("\"\(plain)\u{1F}\(plain)\"")
            }
        }
    }

    @Test func actionLogLinesAndDefaults() throws {
        let steps = try ActionLog.read(
            """
            {"action": "build_image", "parameters": {"tag": "v1.2.3", "push": true, "platforms": ["amd64", "arm64"]}, "outcome": {"ok": 1}}
            {"action": "shell", "parameters": {"command": "exit 2"}, "exit_code": 2}
            """, path: "log.jsonl")
        #expect(steps.count == 2)
        #expect(steps[0].succeeded && steps[0].outcome == #"{"ok":1}"#)
        #expect(steps[0].parameters.map(\.name) == ["tag", "push", "platforms"])
        #expect(!steps[1].succeeded && steps[1].sourceLine == 2)
        var recorder = Recorder(name: "n", description: "d")
        for step in steps { recorder.record(step) }
        let text = ProcedureWriter.text(try #require(recorder.draft()))
        #expect(text.contains("      tag: v1.2.3\n      push: true\n      platforms: [amd64, arm64]\n"))
    }
}
