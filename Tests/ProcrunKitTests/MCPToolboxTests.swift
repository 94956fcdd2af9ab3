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

    @Test("bad arguments are tool errors", arguments: [
        ("find_procedures", ["task": Value.integer(3)], "expected a string for argument 'task', found an integer"),
        ("find_procedures", ["task": .string("x"), "limit": .integer(0)], "expected a positive integer for argument 'limit', found 0"),
        ("record_procedure", ["name": .string("x")], "expected a list of steps for argument 'steps'"),
        ("record_procedure", ["name": .string("x"), "steps": .list([.string("shell")])], "step 1: expected an object with a string 'action'"),
        ("run_procedure", ["name": .string("x"), "inputs": .list([])], "error: no procedure named 'x' in the library folder '/nonexistent'"),
        ("nope", [:], "unknown tool 'nope'"),
    ])
    func badArguments(tool: String, arguments: [String: Value], message: String) {
        let result = MCPToolbox(root: "/nonexistent").call(tool, arguments: arguments)
        #expect(result == .error(message))
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
