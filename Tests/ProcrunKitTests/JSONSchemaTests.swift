@testable import ProcrunLanguage
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// The JSON Schemas say what the loader accepts: the same keys, actions, parameters and names, and
/// the text `procrun schema` prints is the text of `schema/*.schema.json`.
@Suite("JSON Schema: one truth with the loader")
struct JSONSchemaTests {
    static let repository = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: #filePath)))

    func schema(_ kind: JSONSchema) throws -> JSONValue {
        try JSONParser.parse(kind.text)
    }

    /// The keys of an object schema's `properties`, sorted.
    func keys(_ node: JSONValue?) -> [String] {
        guard case .object(let members)? = node?["properties"] else { return [] }
        return members.map(\.key).sorted()
    }

    func definition(_ root: JSONValue, _ path: String...) -> JSONValue? {
        path.reduce(root["$defs"]) { $0?[$1] }
    }

    func strings(_ node: JSONValue?) -> [String] {
        guard case .array(let items)? = node else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }.sorted()
    }

    @Test("the text procrun prints is schema/*.schema.json (run scripts/write-schema.sh after changing a schema or an action)", arguments: JSONSchema.allCases)
    func embedded(kind: JSONSchema) throws {
        let file = String(decoding: try FileSystem.read(Self.repository + "/schema/\(kind.rawValue).schema.json"), as: UTF8.self)
        #expect(kind.text == file)
        #expect(try schema(kind)["$id"] == .string(kind.url))
    }

    @Test("a procedure's keys, a step's, an input's, expect's and retries' are the loader's")
    func procedureKeys() throws {
        let root = try schema(.procedure)
        #expect(keys(root) == ProcedureLoader.procedureKeys.sorted())
        #expect(keys(definition(root, "step")) == ProcedureLoader.stepKeys.sorted())
        #expect(keys(definition(root, "input")) == ProcedureLoader.inputKeys.sorted())
        #expect(keys(definition(root, "expect")) == ProcedureLoader.expectKeys.sorted())
        guard case .array(let forms)? = definition(root, "retries")?["anyOf"] else { Issue.record("retries has no anyOf"); return }
        #expect(keys(forms.last) == ProcedureLoader.retryKeys.sorted())
        #expect(strings(definition(root, "input", "properties", "type")?["enum"]) == InputSpec.Kind.allCases.map(\.rawValue).sorted())
        #expect(strings(definition(root, "step", "properties", "on_failure")?["enum"]) == ["abort", "continue"])
        #expect(FailurePolicy(rawValue: "abort") != nil && FailurePolicy(rawValue: "continue") != nil)
    }

    @Test("every built-in action has its parameters, required ones marked")
    func builtinActions() throws {
        let root = try schema(.procedure)
        guard case .array(let names)? = definition(root, "step", "properties", "action")?["anyOf"]?.arrayItem(0)?["enum"] else {
            Issue.record("the action property lists no built-in actions")
            return
        }
        #expect(names.count == BuiltinActions.declarations.count)
        #expect(strings(.array(names)) == BuiltinActions.names.sorted())
        guard case .array(let conditions)? = definition(root, "step")?["allOf"] else { Issue.record("step has no allOf"); return }
        #expect(conditions.count == BuiltinActions.declarations.count)
        for action in BuiltinActions.declarations {
            let parameters = definition(root, "parameters", action.name)
            #expect(parameters != nil, "no parameters for \(action.name)")
            #expect(keys(parameters) == action.names.sorted(), "the parameters of \(action.name)")
            #expect(strings(parameters?["required"]) == action.required.sorted(), "the required parameters of \(action.name)")
            #expect(definition(root, "actionIs", action.name)?["properties"]?["action"]?["const"] == .string(action.name))
        }
        #expect(strings(definition(root, "parameters", "log", "properties", "level")?["enum"]) == LogLevel.allCases.map(\.rawValue).sorted())
    }

    @Test("the stats block: every key the validator knows; a step's figures may gain keys")
    func stats() throws {
        let root = try schema(.procedure)
        #expect(keys(definition(root, "stats")) == StatsValidator.keys.sorted())
        #expect(definition(root, "stats")?["additionalProperties"] == .boolean(false))
        #expect(Set(StatsValidator.stepKeys).isSubset(of: keys(definition(root, "stepStats"))))
    }

    @Test("procrun.yaml's keys, an action's, a parameter's and an external command's are the loader's")
    func libraryKeys() throws {
        let root = try schema(.library)
        #expect(keys(root) == Library.configKeys.sorted())
        let action = definition(root, "action")
        #expect(keys(action) == Library.actionKeys.sorted())
        #expect(keys(action?["properties"]?["parameters"]?["additionalProperties"]) == Library.parameterKeys.sorted())
        #expect(keys(definition(root, "externalCommand")?["anyOf"]?.arrayItem(1)) == Library.externalCommandKeys.sorted())
        #expect(keys(root["properties"]?["find"]) == Library.findKeys.sorted())
        #expect(strings(root["properties"]?["actions"]?["propertyNames"]?["not"]?["enum"]) == BuiltinActions.names.sorted())
    }

    /// The keys of a procedure file that `procrun show --json` gives under another name, and where.
    static let shownAs = [
        "finally": "each step's finally", "expected_outcome": "expect.contains", "timeout": "timeout_ms", "delay": "delay_ms", "isolate": "matrix.isolate",
        "sources": "up_to_date.sources", "generates": "up_to_date.generates", "status": "up_to_date.status",
    ]

    /// The keys of `language` that are neither among `shown` nor given elsewhere (``shownAs``).
    func missing(_ language: [String], from shown: [String]) -> [String] {
        language.filter { !shown.contains($0) && Self.shownAs[$0] == nil }
    }

    @Test("show --json has a place for every key of the language: the procedure's, a step's, an input's, expect's, retries'")
    func showKeys() throws {
        let root = try schema(.show)
        #expect(missing(ProcedureLoader.procedureKeys, from: keys(root)) == [])
        #expect(missing(ProcedureLoader.stepKeys, from: keys(definition(root, "step"))) == [])
        #expect(keys(definition(root, "step")).contains("timeout_ms"))
        #expect(missing(ProcedureLoader.inputKeys, from: keys(definition(root, "input"))) == [])
        #expect(keys(definition(root, "expect")) == ProcedureLoader.expectKeys.sorted())
        #expect(keys(definition(root, "step", "properties", "retries")) == ["backoff", "count", "delay_ms"])
        #expect(keys(definition(root, "step")).contains("finally"))
        #expect(keys(definition(root, "stats")) == StatsKey.names.sorted())
        #expect(Set(StepStatsKey.names).isSubset(of: keys(definition(root, "stepStats"))))
        // Every required key is a property and every property required: the document is whole.
        for object in [root, definition(root, "step"), definition(root, "input"), definition(root, "expect"), definition(root, "call")] {
            #expect(strings(object?["required"]) == keys(object))
        }
        // A step's parameters are checked by the procedure schema's parts for the built-in actions.
        #expect(definition(root, "parameters") == definition(try schema(.procedure), "parameters"))
    }
}

extension JSONValue {
    /// The item at `index` of an array.
    fileprivate func arrayItem(_ index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
