package import ProcrunLanguage
import ProcrunText

/// A procedure described for agents: the JSON `procrun show --json` prints and the MCP
/// `show_procedure` tool returns (grammar.md, Interfaces for agents; its JSON Schema is
/// `procrun schema show`). It holds the procedure as the loader read it (every key of the file,
/// templates as written, secret values as `***`), its record from the stats block, as
/// `procrun stats --json` gives it, and its call tree.
package enum ProcedureDescription {
    /// The description of `procedure`, loaded by `graph` (which holds the procedures it calls), as
    /// one line of JSON.
    package static func json(of procedure: Procedure, graph: CallGraph) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("name", procedure.name.value)
        writer.string("file", procedure.file.path)
        writer.beginArray("aliases")
        for alias in procedure.aliases { writer.string(nil, alias.value) }
        writer.endArray()
        writer.string("description", procedure.description)
        writer.beginArray("tags")
        for tag in procedure.tags { writer.string(nil, tag) }
        writer.endArray()
        writer.integer("version", procedure.version)
        writer.boolean("internal", procedure.isInternal)
        writer.string("superseded_by", procedure.supersededBy?.value)
        writer.string("superseded_reason", procedure.supersededReason)
        writer.beginArray("inputs")
        for input in procedure.inputs { write(input, into: &writer) }
        writer.endArray()
        writeNamed(procedure.outputs.map { ($0.name, $0.field.text) }, as: "outputs", into: &writer)
        writeNamed(procedure.environment.values.map { ($0.name, $0.field.text) }, as: "env", into: &writer)
        writer.beginArray("dotenv")
        for loaded in procedure.environment.loaded {
            writer.beginObject()
            // Names only: a dotenv file holds what git is told to ignore (tokens in a file not
            // marked secret too), so its values never leave the run, as `procrun show` prints none.
            writer.string("name", loaded.name)
            writer.boolean("secret", loaded.secret)
            writer.endObject()
        }
        writer.endArray()
        writer.string("cwd", procedure.workingDirectory?.value)
        if let shell = procedure.shell {
            writer.beginArray("shell")
            for word in shell.value.words { writer.string(nil, word) }
            writer.endArray()
        } else {
            writer.string("shell", nil)
        }
        writer.beginArray("vars")
        for variable in procedure.variables {
            writer.beginObject()
            writer.string("name", variable.name.value)
            writer.string("kind", variable.kind)
            writer.string("value", variable.text)
            writer.endObject()
        }
        writer.endArray()
        writeNeeds(procedure.needs, into: &writer)
        writePreconditions(procedure.preconditions, into: &writer)
        write(procedure.upToDate, into: &writer)
        let items = StepKey.items(in: procedure.root)
        let keys = StepKey.keys(in: procedure.root)
        writer.beginArray("steps")
        for step in procedure.allSteps {
            let known = step.index < items.count
            write(step, parameters: known ? items[step.index].node["parameters"] : nil, key: known ? keys[step.index] : nil, into: &writer)
        }
        writer.endArray()
        if let document = try? StatsDocument(file: procedure.file, root: procedure.root, validated: true) {
            writer.beginObject("stats")
            StatsRow(document).writeFigures(into: &writer)
            writer.endObject()
        } else {
            writer.raw("stats", "null")
        }
        write(CallTree(procedure, in: graph).calls, as: "call_tree", into: &writer)
        Diagnostic.write(procedure.warnings, as: "warnings", into: &writer)
        writer.endObject()
        return writer.text
    }

    /// An input: every key of its declaration, a secret one's default as `***`.
    private static func write(_ input: InputSpec, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.string("name", input.name)
        writer.string("type", input.kind.rawValue)
        writer.boolean("required", input.required)
        writer.raw("default", input.defaultValue.map { input.secret ? Value.string("***").jsonText : $0.jsonText } ?? "null")
        writer.raw("allowed", input.allowed.map { Value.list($0).jsonText } ?? "null")
        writer.string("pattern", input.pattern?.pattern)
        writer.string("description", input.description)
        writer.boolean("secret", input.secret)
        writer.boolean("rest", input.rest)
        writer.endObject()
    }

    /// `{"name", "value"}` objects in file order, as the array `key`.
    static func writeNamed(_ pairs: [(name: String, value: String)], as key: String, into writer: inout JSONWriter) {
        writer.beginArray(key)
        for pair in pairs {
            writer.beginObject()
            writer.string("name", pair.name)
            writer.string("value", pair.value)
            writer.endObject()
        }
        writer.endArray()
    }

    /// The calls as the array `key`: each with the calling step, the reference as written, the
    /// callee's name and file (null when resolved only at run time) and the callee's own calls.
    private static func write(_ calls: [CallTree.Call], as key: String, into writer: inout JSONWriter) {
        writer.beginArray(key)
        for call in calls {
            writer.beginObject()
            // A procedure's need is before every step: it has no step number.
            writer.integer("step", call.step.index < 0 ? nil : call.step.index + 1)
            writer.string("name", call.step.displayName)
            writer.string("reference", call.reference)
            writer.string("procedure", call.callee?.name.value)
            writer.string("file", call.callee?.file.path)
            write(call.calls, as: "calls", into: &writer)
            writer.endObject()
        }
        writer.endArray()
    }
}
