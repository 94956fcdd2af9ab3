@testable import ProcrunKit
@testable import ProcrunMemory
@testable import ProcrunRuntime
import Testing

/// ``DeclaredInput``: the inputs an agent declares to MCP's `record_procedure`, read and put in
/// the places of their values (``InputOffer/declare(_:in:)``).
@Suite("declared inputs")
struct DeclaredInputTests {
    @Test("a declaration is read into the input written; its value is a string's default or a number")
    func reading() throws {
        let version = try DeclaredInput(name: "version", spec: ["default": "1.4.2", "description": "the release"])
        #expect(version.input.type == "string" && version.input.defaultValue == "1.4.2" && version.input.description == "the release")
        #expect(version.value == "1.4.2")
        let port = try DeclaredInput(name: "port", spec: ["type": "integer", "default": 8080, "required": true])
        #expect(port.input.defaultValue == "8080" && port.input.required && port.value == "8080")
        let hosts = try DeclaredInput(name: "hosts", spec: ["type": "list", "default": ["a b", "c: d"]])
        #expect(hosts.input.defaultValue == "[a b, 'c: d']" && hosts.value == nil)
        let flag = try DeclaredInput(name: "flag", spec: ["type": "boolean", "default": true])
        #expect(flag.input.defaultValue == "true" && flag.value == nil)
        let quoted = try DeclaredInput(name: "n", spec: ["type": "integer", "default": "8080"])
        #expect(quoted.input.defaultValue == "'8080'" && quoted.value == nil)
        let bare = try DeclaredInput(name: "who", spec: ["required": true])
        #expect(bare.input.defaultValue == nil && bare.value == nil)
    }

    /// Declarations refused, with the message.
    static let refusals: [(Value, String)] = [
        (Value.string("x"), "expected an object of type, default, required and description for input 'v', found a string"),
        (["types": "string"], "unknown key 'types' in input 'v'; did you mean 'type'?"),
        (["type": 3], "expected a string for 'type' of input 'v', found an integer"),
        (["required": "yes"], "expected true or false for 'required' of input 'v', found a string"),
    ]

    @Test("what a declaration cannot hold is said", arguments: Self.refusals)
    func refused(spec: Value, message: String) {
        #expect(throws: RecordingProblem.self) { try DeclaredInput(name: "v", spec: spec) }
        do {
            _ = try DeclaredInput(name: "v", spec: spec)
        } catch {
            #expect(error.described.message == message)
        }
    }

    @Test("a declared value takes its places in the commands, never a program's; the declaration replaces a recorded input of its name")
    func declaring() throws {
        var recorder = Recorder(name: "r", description: "d")
        recorder.redactor.addSecret("s3cr3t-value", input: "api_token")
        for command in ["make calc && ./calc 12", "echo make 12 s3cr3t-value"] {
            recorder.record(.shell(command, output: "", exitCode: 0, durationMilliseconds: 1))
        }
        var draft = try #require(recorder.draft())
        #expect(draft.inputs.map(\.name) == ["api_token"])
        let declared = [
            try DeclaredInput(name: "target", spec: ["default": "make"]),
            try DeclaredInput(name: "count", spec: ["type": "integer", "default": 12]),
            try DeclaredInput(name: "api_token", spec: ["description": "the key"]),
        ]
        #expect(InputOffer.declare(declared, in: &draft).isEmpty)
        #expect(InputOfferTests.command(draft, 0) == "make calc && ./calc {{ inputs.count }}")
        #expect(InputOfferTests.command(draft, 1) == "echo make {{ inputs.count }} {{ inputs.api_token }}")
        #expect(draft.inputs.isEmpty)
        #expect(draft.learnedInputs.map(\.name) == ["target", "count", "api_token"])
        #expect(draft.learnedInputs.map(\.secret) == [false, false, true])
        let text = ProcedureWriter.text(draft)
        #expect(text.contains("\ninputs:\n  target:\n    type: string\n    default: make\n  count:\n    type: integer\n    default: 12\n"))
        #expect(text.contains("  api_token:\n    type: string\n    secret: true\n    description: the key\n\nsteps:"))
    }
}
