import ProcrunKit
import Testing

/// `list --json` and `show --json`, part of the interface grammar.md documents for agents.
@Suite("json interfaces")
struct JSONInterfaceTests {
    static let library = AgentFixture.mcp + "/library"

    @Test("list --json gives every procedure's name, description, tags and file")
    func list() throws {
        try ProcrunBinary.expect(["list", "--json"], in: Self.library, stdout: """
            {"procedures":[{"description":"a procedure whose only step fails","file":"broken_step.yaml","name":"broken_step",\
            "tags":[]},{"description":"greets someone by name","file":"greet.yaml","name":"greet","tags":["hello","welcome"]}]}

            """)
    }

    @Test("show --json gives inputs, outputs and steps")
    func show() throws {
        let output = try ProcrunBinary.expect(["show", "greet", "--json"], in: Self.library, stdout: """
            {"description":"greets someone by name","file":"greet.yaml","inputs":[{"description":"who to greet","name":"who",\
            "required":true,"secret":false,"type":"string"},{"default":1,"description":"","name":"times","required":false,\
            "secret":false,"type":"integer"}],"name":"greet","outputs":["greeting"],"steps":[{"action":"shell","id":"say",\
            "step":1}],"tags":["hello","welcome"],"version":1}

            """)
        let shown = AgentFixture.object(output.stdout)
        guard case .list(let inputs)? = shown?["inputs"] else {
            Issue.record("no inputs")
            return
        }
        #expect(inputs.first == .mapping([
            "name": .string("who"), "type": .string("string"), "required": .boolean(true), "description": .string("who to greet"), "secret": .boolean(false),
        ]))
    }
}
