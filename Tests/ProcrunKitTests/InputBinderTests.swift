@testable import ProcrunLanguage
import ProcrunText
import Testing

/// The one binder of a run's inputs speaks the terms of where they came from: `--set`'s on the
/// command line, JSON's for `--inputs` and agents, the input's alone at a prompt.
@Suite("input binder")
struct InputBinderTests {
    static let procedure: Procedure = {
        try! ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "p.yaml", text: """
            name: p
            inputs:
              items: {type: list, required: true}
              env: {type: string, required: true, allowed: [staging, production]}
              count: {type: integer, default: 1}
              verbose: {type: boolean, default: false}
              note: {type: string}
            steps:
              - action: log
                parameters: {message: "{{ inputs.items | join(',') }} {{ inputs.note }}"}
            """))
    }()

    /// The messages of binding these texts and values, in `source`'s terms.
    static func messages(_ texts: [(name: String, text: String)] = [], values: [String: Value] = [:], source: InputBinder.Source) -> [String] {
        do {
            _ = try InputBinder.bind(texts, values: values, to: procedure, source: source)
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    @Test("JSON inputs: JSON types, JSON values, the allowed values listed, 'inputs' instead of --set")
    func json() {
        #expect(Self.messages(source: .json) == [
            "input 'items' is required: an array of strings",
            "input 'env' is required: a string, one of \"staging\", \"production\"",
        ])
        #expect(Self.messages(values: ["items": .list(["a"]), "env": "prod", "count": "many", "verbose": "yes", "colour": "red"], source: .json) == [
            "procedure 'p' has no input 'colour'",
            "input 'count' must be an integer, found \"many\"",
            "input 'verbose' must be a boolean, found \"yes\"",
            "input 'env' must be one of \"staging\", \"production\", found \"prod\"",
        ])
        #expect(Self.messages(values: ["items": .mapping([:]), "env": "staging"], source: .json) == ["input 'items' must be an array of strings, found {}"])
        #expect(Self.messages(values: ["items": .list(["a"]), "env": "staging"], source: .json) == [
            "'inputs.note' is null: input 'note' was given no value and has no default; give it a value in 'inputs', or give it a default, "
                + "or write 'inputs.note | default(...)'"
        ])
    }

    @Test("--set texts keep the command line's messages")
    func commandLine() {
        #expect(Self.messages(source: .commandLine) == [
            "missing required input 'items'; give it with --set items=VALUE",
            "missing required input 'env'; give it with --set env=VALUE",
        ])
        #expect(Self.messages([("items", "a"), ("env", "prod"), ("count", "many"), ("verbose", "yes"), ("colour", "red")], source: .commandLine) == [
            "--set count: expected an integer for input 'count', found 'many'",
            "--set verbose: expected true or false for input 'verbose', found 'yes'",
            "--set colour: procedure 'p' has no input 'colour'",
            "input 'env' must be one of staging, production, found 'prod'",
        ])
        #expect(Self.messages([("items", "a"), ("env", "staging")], source: .commandLine) == [
            "'inputs.note' is null: input 'note' was given no value and has no default; give it with --set note=VALUE, or give it a default, "
                + "or write 'inputs.note | default(...)'"
        ])
    }

    @Test("an answer at a prompt names the input only")
    func prompt() throws {
        let count = try #require(Self.procedure.inputs.first { $0.name == "count" })
        let env = try #require(Self.procedure.inputs.first { $0.name == "env" })
        #expect(throws: DiagnosticsError.self) { try InputBinder.answer("many", for: count, in: Self.procedure) }
        do {
            _ = try InputBinder.answer("many", for: count, in: Self.procedure)
        } catch {
            #expect(error.diagnostics.map(\.message) == ["input 'count': expected an integer, found 'many'"])
        }
        do {
            _ = try InputBinder.answer("prod", for: env, in: Self.procedure)
        } catch {
            #expect(error.diagnostics.map(\.message) == ["input 'env' must be one of staging, production, found 'prod'"])
        }
    }

    @Test("a secret input's value is never in a message, nor its allowed values")
    func secretValues() throws {
        let procedure = try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "s.yaml", text: """
            name: s
            inputs:
              pin: {type: integer, required: true, secret: true}
              key: {type: string, required: true, secret: true, allowed: [k-123456, k-654321]}
            steps:
              - action: log
                parameters: {message: done}
            """))
        func messages(_ texts: [(name: String, text: String)] = [], values: [String: Value] = [:], source: InputBinder.Source) -> [String] {
            do {
                _ = try InputBinder.bind(texts, values: values, to: procedure, source: source)
                return []
            } catch {
                return error.diagnostics.map(\.message)
            }
        }
        #expect(messages(values: ["pin": "s3cr3t-value"], source: .json) == [
            "input 'pin' must be an integer, found ***",
            "input 'key' is required: a string",
        ])
        let typed = messages([("pin", "s3cr3t-value")], source: .commandLine)
        #expect(typed.first == "--set pin: expected an integer for input 'pin', found '***'")
        #expect(!typed.joined().contains("s3cr3t") && !typed.joined().contains("k-123456"))
    }
}
