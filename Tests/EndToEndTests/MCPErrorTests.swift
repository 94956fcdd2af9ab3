import ProcrunKit
import Testing

/// Errors in the agent's terms, through the official Python MCP client (Fixtures/mcp/calls.py):
/// each reply's text, `isError`, and `structuredContent` with its machine `kind`.
@Suite("MCP errors", .serialized)
struct MCPErrorTests {
    static let ship = """
        name: ship
        description: ships files to an environment
        inputs:
          items: {type: list, required: true, description: the files to ship}
          env: {type: string, default: staging, allowed: [staging, production]}
        steps:
          - action: shell
            parameters: {command: [echo, "{{ inputs.env }}"]}

        """

    /// What each call answered: `is_error`, `text` and `structured` (the structured content).
    static func replies(_ library: String, _ calls: [(String, String, Value)]) throws -> [String: [String: Value]] {
        #expect(try MCPServerTests.ensurePythonClient(), "python3 -m pip install mcp failed")
        let list = Value.list(calls.map { .list([.string($0.0), .string($0.1), $0.2]) }).jsonText
        let spec = ProcessSpec(arguments: ["python3", AgentFixture.mcp + "/calls.py", ProcrunBinary.path, library, list], timeout: .seconds(120))
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0, "client stderr:\n\(result.stderr.text)")
        return (AgentFixture.object(result.stdout.text) ?? [:]).compactMapValues { if case .mapping(let fields) = $0 { fields } else { nil } }
    }

    /// Checks a reply whole: an error whose text is `text` (normalised) and whose structured
    /// content is the text's JSON object with `kind` added, or, for a text that is a message,
    /// `{kind, message}` and the `diagnostics` given.
    static func expectError(
        _ reply: [String: Value]?, text expected: String, kind: String, diagnostics: Value? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let reply, case .string(let text)? = reply["text"] else {
            Issue.record("no reply", sourceLocation: sourceLocation)
            return
        }
        #expect(reply["is_error"] == true, sourceLocation: sourceLocation)
        WholeText.expect(text, equals: expected, "the text", normalizing: [.durationFields, .temporaryFolders], sourceLocation: sourceLocation)
        var structured = AgentFixture.object(text) ?? ["message": .string(text)]
        structured["kind"] = .string(kind)
        if let diagnostics { structured["diagnostics"] = diagnostics }
        #expect(reply["structured"] == .mapping(structured), sourceLocation: sourceLocation)
    }

    @Test("run_procedure's errors: the report of a run that did not start or failed, with the kind its data gives")
    func runErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("ship.yaml", Self.ship)
        _ = try folder.copy(AgentFixture.mcp + "/library/broken_step.yaml")
        _ = try folder.write("part.yaml", "name: part\ninternal: true\nsteps:\n  - action: log\n    parameters: {message: never alone}\n")
        let replies = try Self.replies(folder.path, [
            ("internal", "run_procedure", ["name": "part"]),
            ("unknown", "run_procedure", ["name": "shipp"]),
            ("outside", "run_procedure", ["name": "../elsewhere.yaml"]),
            ("missing", "run_procedure", ["name": "ship"]),
            ("not_allowed", "run_procedure", ["name": "ship", "inputs": ["items": ["a.txt"], "env": "prod"]]),
            ("inputs_type", "run_procedure", ["name": "ship", "inputs": "items=a.txt"]),
            ("dry_run_type", "run_procedure", ["name": "ship", "dry_run": "yes"]),
            ("failing", "run_procedure", ["name": "broken_step"]),
            ("ran", "run_procedure", ["name": "ship", "inputs": ["items": ["a.txt"]]]),
        ])
        // An internal procedure runs only when another calls it: refused with its own kind.
        #expect(replies["internal"]?["is_error"] == true)
        if case .mapping(let structured)? = replies["internal"]?["structured"] {
            #expect(structured["kind"] == "internal_procedure")
            #expect(structured["success"] == false)
        } else {
            Issue.record("no structured content: \(String(describing: replies["internal"]))")
        }
        Self.expectError(replies["unknown"], text: #"""
            {"procedure":null,"file":"shipp","success":false,"duration_ms":<ms>,"learned":false,"error":"no procedure named 'shipp' \#
            in the library folder '<tmp>'; did you mean 'ship'?","diagnostics":[{"file":null,"line":null,"column":null,"severity":"error",\#
            "id":"procedure-reference","message":"no procedure named 'shipp' in the library folder '<tmp>'; did you mean 'ship'?","notes":[]}],\#
            "steps":[],"outputs":{}}
            """#, kind: "unknown_procedure")
        Self.expectError(replies["outside"], text: #"""
            {"procedure":null,"file":"../elsewhere.yaml","success":false,"duration_ms":<ms>,"learned":false,"error":"procedure reference \#
            '../elsewhere.yaml' leaves the library folder '<tmp>'","diagnostics":[{"file":null,"line":null,"column":null,"severity":"error",\#
            "id":"outside-library","message":"procedure reference '../elsewhere.yaml' leaves the library folder '<tmp>'","notes":[]}],\#
            "steps":[],"outputs":{}}
            """#, kind: "outside_library")
        Self.expectError(replies["missing"], text: #"""
            {"procedure":"ship","file":"<tmp>/ship.yaml","success":false,"duration_ms":<ms>,"learned":false,"error":"input 'items' is \#
            required: an array of strings (<tmp>/ship.yaml:4:3: input 'items' is declared here)","diagnostics":[{"file":null,"line":null,\#
            "column":null,"severity":"error","id":"invalid-input","message":"input 'items' is required: an array of strings","notes":\#
            [{"file":"<tmp>/ship.yaml","line":4,"column":3,"message":"input 'items' is declared here"}]}],"steps":[],"outputs":{}}
            """#, kind: "invalid_input")
        Self.expectError(replies["not_allowed"], text: #"""
            {"procedure":"ship","file":"<tmp>/ship.yaml","success":false,"duration_ms":<ms>,"learned":false,"error":"input 'env' must be \#
            one of \"staging\", \"production\", found \"prod\" (<tmp>/ship.yaml:5:3: input 'env' is declared here)","diagnostics":[{"file":null,\#
            "line":null,"column":null,"severity":"error","id":"invalid-input","message":"input 'env' must be one of \"staging\", \"production\", \#
            found \"prod\"","notes":[{"file":"<tmp>/ship.yaml","line":5,"column":3,"message":"input 'env' is declared here"}]}],"steps":[],\#
            "outputs":{}}
            """#, kind: "invalid_input")
        Self.expectError(replies["inputs_type"], text: #"expected an object for argument 'inputs', found the string "items=a.txt""#, kind: "invalid_arguments")
        Self.expectError(replies["dry_run_type"], text: #"expected a boolean for argument 'dry_run', found the string "yes""#, kind: "invalid_arguments")
        Self.expectError(replies["failing"], text: #"""
            {"procedure":"broken_step","file":"<tmp>/broken_step.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\#
            "id":null,"action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":3,"error":"expected exit code 0, got 3",\#
            "attempts":1}],"outputs":{}}
            """#, kind: "run_failed")
        // A success is not an error, and its structured content is its report, without a kind.
        let ran = replies["ran"]
        #expect(ran?["is_error"] == false)
        if case .string(let text)? = ran?["text"] { #expect(ran?["structured"] == AgentFixture.object(text).map(Value.mapping)) }
        // Of the calls to ship, only the last ran.
        #expect(try folder.read("ship.yaml").contains("  execution_count: 1\n"))
    }

    @Test("the other tools: a refused name with its diagnostic as data, an argument of the wrong type, an unknown tool")
    func otherTools() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("ship.yaml", Self.ship)
        let replies = try Self.replies(folder.path, [
            ("show_outside", "show_procedure", ["name": "/etc/ship.yaml"]),
            ("stats_unknown", "procedure_stats", ["name": "shipp"]),
            ("find_type", "find_procedures", ["task": ["ship"]]),
            ("record_taken", "record_procedure", ["name": "ship", "steps": [["action": "log", "parameters": ["message": "hi"]]]]),
            ("unknown_tool", "run_procedures", [:]),
        ])
        let absolute = "procedure reference '/etc/ship.yaml' is an absolute path; a reference is a procedure name or a path inside the library folder '\(folder.path)'"
        Self.expectError(replies["show_outside"], text: """
            error: procedure reference '/etc/ship.yaml' is an absolute path; a reference is a procedure name or a path inside the library folder '<tmp>'
            """, kind: "outside_library", diagnostics: [
            ["file": .null, "line": .null, "column": .null, "severity": "error", "id": "outside-library", "message": .string(absolute), "notes": []]
        ])
        let unknown = "no procedure named 'shipp' in the library folder '\(folder.path)'; did you mean 'ship'?"
        Self.expectError(replies["stats_unknown"], text: "error: no procedure named 'shipp' in the library folder '<tmp>'; did you mean 'ship'?", kind: "unknown_procedure", diagnostics: [
            ["file": .null, "line": .null, "column": .null, "severity": "error", "id": "procedure-reference", "message": .string(unknown), "notes": []]
        ])
        Self.expectError(replies["find_type"], text: "expected a string for argument 'task', found an array", kind: "invalid_arguments")
        let taken = "a procedure named 'ship' already exists (\(folder.path)/ship.yaml); choose another name"
        Self.expectError(replies["record_taken"], text: "error: a procedure named 'ship' already exists (<tmp>/ship.yaml); choose another name", kind: "invalid_arguments", diagnostics: [
            ["file": .null, "line": .null, "column": .null, "severity": "error", "id": "procedure-exists", "message": .string(taken), "notes": []]
        ])
        Self.expectError(replies["unknown_tool"], text: "unknown tool 'run_procedures'; did you mean 'run_procedure'?", kind: "invalid_arguments")
    }
}
