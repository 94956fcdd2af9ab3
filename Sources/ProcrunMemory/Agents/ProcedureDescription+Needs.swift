import ProcrunLanguage
import ProcrunText

extension ProcedureDescription {
    /// `needs` (of the procedure or of a step) as the array `needs`: each need's reference as
    /// written, the procedure it names (null when resolved only at run time) and its inputs as
    /// written (`{"name", "value"}` in file order; a typed value as JSON text).
    static func writeNeeds(_ needs: [Step], into writer: inout JSONWriter) {
        writer.beginArray("needs")
        for need in needs {
            guard case .procedure(let call) = need.call else { continue }
            writer.beginObject()
            writer.string("reference", call.referenceText)
            writer.string("procedure", call.callee?.name)
            let inputs = call.inputs.map { input in
                switch input.value {
                case .typed(let value): (input.name, value.jsonText)
                case .template(let field): (input.name, field.text)
                case .list(let items): (input.name, Value.list(items.map { .string($0.text) }).jsonText)
                }
            }
            writeNamed(inputs, as: "inputs", into: &writer)
            writer.endObject()
        }
        writer.endArray()
    }
}
