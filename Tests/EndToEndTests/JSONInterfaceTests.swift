import ProcrunKit
import Testing

/// `list --json` and `show --json`, part of the interface grammar.md documents for agents.
@Suite("json interfaces")
struct JSONInterfaceTests {
    static let library = AgentFixture.mcp + "/library"

    @Test("list --json gives every procedure's name, description, tags and file")
    func list() throws {
        let output = try ProcrunBinary.run(["list", "--json"], in: Self.library)
        #expect(output.status == 0)
        #expect(output.stdout == #"{"procedures":[{"description":"a procedure whose only step fails","file":"broken_step.yaml","name":"broken_step","tags":[]},{"description":"greets someone by name","file":"greet.yaml","name":"greet","tags":["hello","welcome"]}]}"# + "\n")
    }

    @Test("show --json gives inputs, outputs and steps")
    func show() throws {
        let output = try ProcrunBinary.run(["show", "greet", "--json"], in: Self.library)
        #expect(output.status == 0)
        let shown = AgentFixture.object(output.stdout)
        #expect(shown?["name"] == .string("greet"))
        #expect(shown?["outputs"] == .list([.string("greeting")]))
        #expect(shown?["steps"] == .list([.mapping(["step": .integer(1), "id": .string("say"), "action": .string("shell")])]))
        guard case .list(let inputs)? = shown?["inputs"] else {
            Issue.record("no inputs")
            return
        }
        #expect(inputs.first == .mapping([
            "name": .string("who"), "type": .string("string"), "required": .boolean(true), "description": .string("who to greet"), "secret": .boolean(false),
        ]))
    }
}
