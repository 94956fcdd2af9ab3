import ProcrunKit
import Testing

/// The MCP tools without a server: arguments checked, seams used.
@Suite("MCP toolbox")
struct MCPToolboxTests {
    /// A finder that always names one procedure, to show the seam is what `find_procedures` uses;
    /// for the task "nothing" it finds none and names the nearest.
    struct FixedFinder: ProcedureFinder {
        func find(_ task: String, inLibrary root: String, limit: Int) -> ProcedureSearch {
            if task == "nothing" {
                return ProcedureSearch(
                    matches: [], nearest: [.init(name: "near", file: root + "/near.yaml", missing: ["nothing"])], hint: "no procedure covers 'nothing'")
            }
            return ProcedureSearch(matches: [ProcedureMatch(name: "chosen", file: root + "/chosen.yaml", description: "for \(task)", tags: [], score: 1, matched: [task])])
        }
    }

    @Test("find_procedures goes through the finder it is given")
    func finderSeam() {
        let toolbox = MCPToolbox(root: "/lib", finder: FixedFinder())
        let result = toolbox.call("find_procedures", arguments: ["task": .string("x")])
        #expect(result == MCPToolResult(text: #"{"procedures":[{"description":"for x","file":"/lib/chosen.yaml","matched":["x"],"name":"chosen","runs":0,"score":1.0,"success_rate":null,"tags":[]}]}"#))
        let none = toolbox.call("find_procedures", arguments: ["task": .string("nothing")])
        #expect(
            none
                == MCPToolResult(
                    text: #"{"hint":"no procedure covers 'nothing'","nearest":[{"file":"/lib/near.yaml","missing":["nothing"],"name":"near"}],"procedures":[]}"#))
    }

    @Test("bad arguments are tool errors of kind invalid_arguments, in JSON's terms", arguments: [
        ("find_procedures", ["task": Value.integer(3)], "expected a string for argument 'task', found the integer 3"),
        ("find_procedures", ["task": .string("x"), "limit": .integer(0)], "expected a positive integer for argument 'limit', found 0"),
        ("show_procedure", [:], "missing required argument 'name'"),
        ("run_procedure", ["name": .list([])], "expected a string for argument 'name', found an array"),
        ("record_procedure", ["name": .string("x")], "missing required argument 'steps'"),
        ("record_procedure", ["name": .string("x"), "steps": .string("shell")], "expected an array of steps for argument 'steps', found the string \"shell\""),
        ("record_procedure", ["name": .string("x"), "steps": .list([.string("shell")])], "step 1: expected an object with a string 'action'"),
        (
            "record_procedure", ["name": .string("x"), "steps": .list([.mapping(["action": .string("shell"), "parameters": .boolean(true)])])],
            "step 1: expected an object for 'parameters', found the boolean true"
        ),
        ("record_procedure", ["name": .string("x"), "steps": .list([.mapping(["action": .string("log")])]), "inputs": .list([])], "expected an object for argument 'inputs', found an array"),
        ("procedure_history", [:], "missing required argument 'name'"),
        ("library_report", ["since": .integer(3)], "expected a string for argument 'since', found the integer 3"),
        ("library_report", ["until": .string("2026-02-30")], "until '2026-02-30': expected a day (2026-11-01), a UTC time (2026-11-01T09:30:00Z) or a span back from now (30d, 2w)"),
        ("nope", [:], "unknown tool 'nope'"),
        ("run_procedur", [:], "unknown tool 'run_procedur'; did you mean 'run_procedure'?"),
    ])
    func badArguments(tool: String, arguments: [String: Value], message: String) {
        let result = MCPToolbox(root: "/nonexistent").call(tool, arguments: arguments)
        #expect(result.text == message)
        #expect(result.kind == .invalidArguments)
        #expect(result.structuredContent == .mapping(["kind": "invalid_arguments", "message": .string(message)]))
    }

    @Test("a name that leads nowhere: unknown_procedure, or outside_library for a path out of the library, with the diagnostic as data")
    func refusedNames() {
        let toolbox = MCPToolbox(root: "/nonexistent")
        let unknown = toolbox.call("show_procedure", arguments: ["name": .string("nosuch")])
        #expect(unknown.text == "error: no procedure named 'nosuch' in the library folder '/nonexistent'")
        #expect(unknown.kind == .unknownProcedure)
        let diagnostic: Value = .mapping([
            "file": .null, "line": .null, "column": .null, "severity": "error", "id": "procedure-reference",
            "message": "no procedure named 'nosuch' in the library folder '/nonexistent'", "notes": .list([]),
        ])
        #expect(unknown.structuredContent == .mapping(["kind": "unknown_procedure", "message": .string(unknown.text), "diagnostics": .list([diagnostic])]))
        for path in ["../elsewhere.yaml", "/etc/procedure.yaml"] {
            let outside = toolbox.call("procedure_stats", arguments: ["name": .string(path)])
            #expect(outside.kind == .outsideLibrary, "\(path): \(outside.text)")
            guard case .mapping(let fields)? = outside.structuredContent, case .list(let problems)? = fields["diagnostics"], case .mapping(let problem)? = problems.first else {
                Issue.record("no diagnostics for \(path): \(String(describing: outside.structuredContent))")
                continue
            }
            #expect(problem["id"] == "outside-library")
        }
        // run_procedure answers with the report of a run that could not start, as `procrun run NAME --json` prints it.
        let run = toolbox.call("run_procedure", arguments: ["name": .string("../x.yaml")])
        #expect(run.kind == .outsideLibrary)
        #expect(run.text == #"{"procedure":null,"file":"../x.yaml","success":false,"duration_ms":0,"learned":false,"#
            + #""error":"procedure reference '../x.yaml' leaves the library folder '/nonexistent'","diagnostics":[{"file":null,"line":null,"#
            + #""column":null,"severity":"error","id":"outside-library","message":"procedure reference '../x.yaml' leaves the library folder "#
            + #"'/nonexistent'","notes":[]}],"steps":[],"outputs":{}}"#)
        guard case .mapping(let fields)? = run.structuredContent else {
            Issue.record("no structured content")
            return
        }
        #expect(fields["kind"] == "outside_library")
        #expect(fields["file"] == "../x.yaml")
    }

    @Test("a report's structured content is its object, an error's with its kind")
    func structuredContent() {
        let report = #"{"procedure":"p","success":false,"steps":[]}"#
        #expect(MCPToolResult(text: report, kind: .runFailed).structuredContent == .mapping(["procedure": "p", "success": false, "steps": .list([]), "kind": "run_failed"]))
        #expect(MCPToolResult(text: report).structuredContent == .mapping(["procedure": "p", "success": false, "steps": .list([])]))
        #expect(MCPToolResult(text: "plain").structuredContent == nil)
        #expect(MCPToolResult(text: "plain").isError == false)
        #expect(MCPToolResult.error(.runTimedOut(limit: .seconds(90))).structuredContent == .mapping(["kind": "timed_out", "message": "the run took longer than 1m30s and was stopped"]))
    }

    @Test("a run that did not start is classified by its diagnostics' ids")
    func notStartedKinds() {
        func report(_ ids: [String]) -> String {
            #"{"procedure":"p","success":false,"diagnostics":["# + ids.map { #"{"id":"\#($0)","message":"m"}"# }.joined(separator: ",") + "]}"
        }
        #expect(MCPToolResult.Kind(notStartedReport: report(["invalid-input", "invalid-input"])) == .invalidInput)
        // A procedure that calls one with an input it does not declare is the procedure's problem, not the inputs'.
        #expect(MCPToolResult.Kind(notStartedReport: report(["unknown-input"])) == .invalidProcedure)
        #expect(MCPToolResult.Kind(notStartedReport: report(["procedure-reference"])) == .invalidProcedure)
        #expect(MCPToolResult.Kind(notStartedReport: #"{"procedure":"p","success":false,"error":"x"}"#) == .invalidProcedure)
    }

    @Test("every kind is documented in grammar.md's MCP section")
    func kindsDocumented() throws {
        let repository = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: #filePath)))
        let grammar = String(decoding: try FileSystem.read(repository + "/grammar.md"), as: UTF8.self)
        for kind in MCPToolResult.Kind.allCases {
            #expect(grammar.contains("`\(kind.rawValue)`"), "\(kind.rawValue)")
        }
    }

    @Test("every tool has an object schema and a description")
    func schemas() {
        for tool in MCPToolbox.tools {
            guard case .mapping(let schema) = tool.inputSchema else {
                Issue.record("\(tool.name)")
                continue
            }
            #expect(schema["type"] == .string("object"))
            #expect(tool.description.count > 40)
        }
    }
}
