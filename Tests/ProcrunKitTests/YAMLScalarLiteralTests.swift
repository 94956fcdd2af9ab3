@testable import ProcrunLanguage
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// Where the language types a scalar by its text (`set` variables, inputs passed to a procedure,
/// executor and MCP parameters), a `!!str` or `!` tag keeps it text, as quotes do, and a typed tag
/// gives the type.
@Suite("typed scalars")
struct YAMLScalarLiteralTests {
    static func load(_ text: String) throws -> Procedure {
        try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "t.yaml", text: text))
    }

    static func scalar(_ text: String) throws -> YAMLScalar {
        try #require(try YAMLParser(file: SourceFile(path: "t.yaml", text: "v: \(text)\n")).parse()["v"]?.scalar)
    }

    @Test("what each form of scalar stands for", arguments: [
        ("12", Value.integer(12)), ("-3", .integer(-3)), ("1.5", .number(1.5)), ("true", .boolean(true)), ("~", .null), ("null", .null),
        ("!!int 12", .integer(12)), ("!!int \"12\"", .integer(12)), ("!!float 3", .number(3)), ("!!bool false", .boolean(false)),
        ("!!null", .null),
    ])
    func typed(text: String, value: Value) throws {
        #expect(try Self.scalar(text).literalValue == value)
    }

    @Test("text stays text: quoted, block, tagged !!str or !, or plain words", arguments: [
        "!!str 12", "!!str true", "! 12", "!<tag:yaml.org,2002:str> 1.5", "!!str ~", "\"12\"", "'true'", "|\n  12", "yes", "0x1F", "1e3",
    ])
    func text(text: String) throws {
        #expect(try Self.scalar(text).literalValue == nil)
    }

    @Test("a set step keeps a !!str value a string and gives a typed tag its type")
    func setValues() throws {
        let procedure = try Self.load("""
            name: t
            steps:
              - action: set
                parameters: {a: !!str 12, b: !!str true, c: ! 12, d: 12, e: "12", f: !!int "7", g: !!float 3}

            """)
        guard let values = procedure.steps[0].call.setValues else {
            Issue.record("not a set step")
            return
        }
        func value(_ set: SetValue) throws -> Value {
            switch set {
            case .typed(let value): value
            case .template(let field): try field.template.render(in: RenderContext(roots: [:]))
            }
        }
        let read = try values.map { try value($0.value) }
        #expect(read == [.string("12"), .string("true"), .string("12"), .integer(12), .string("12"), .integer(7), .number(3)])
    }

    @Test("executor and MCP parameters keep a !!str value a string, nested too")
    func parameterTrees() throws {
        let root = try YAMLParser(file: SourceFile(path: "t.yaml", text: "p: {a: !!str 12, b: [!!str true, true], c: !!null ~}\n")).parse()
        var reader = NodeReader(file: SourceFile(path: "t.yaml", text: ""))
        let node = try #require(root["p"])
        let tree = try #require(ProcedureLoader.parameterTree(node, "parameter 'p'", reader: &reader))
        let context = RenderContext(roots: [:])
        func value(_ tree: ParameterTree) throws -> Value {
            switch tree {
            case .literal(let value): value
            case .template(let field): try field.template.render(in: context)
            case .list(let items): .list(try items.map(value))
            case .mapping(let pairs): .mapping(Dictionary(uniqueKeysWithValues: try pairs.map { ($0.key, try value($0.value)) }))
            }
        }
        #expect(try value(tree) == .mapping(["a": .string("12"), "b": .list([.string("true"), .boolean(true)]), "c": .null]))
    }

    @Test("where an integer, number or boolean is expected, !!str text is refused as quoted text is")
    func typedFields() throws {
        let step = "steps:\n  - action: log\n    parameters: {message: hi}\n"
        func problems(_ text: String) -> [String] {
            do {
                _ = try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "t.yaml", text: text))
                return []
            } catch {
                return error.diagnostics.map(\.message)
            }
        }
        #expect(problems("name: t\nversion: !!str 3\n" + step) == ["expected an integer for 'version', found the string '3'"])
        #expect(problems("name: t\nversion: !!int \"3\"\n" + step) == [])
        #expect(problems("name: t\ninputs:\n  n: {type: boolean, required: !!str true}\n" + step) == ["expected true or false for 'required', found the string 'true'"])
        #expect(problems("name: t\ninputs:\n  n: {type: number, default: !!int 2}\n" + step) == [])
    }
}
