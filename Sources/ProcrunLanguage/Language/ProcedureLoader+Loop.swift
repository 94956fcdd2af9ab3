import ProcrunText

extension ProcedureLoader {
    /// Reads a step's `for_each` (an expression giving a list, or a list written out) and `as` (the
    /// item's name, `item` by default), or its `matrix` (``readMatrix``). `as` without `for_each` is an error, as is a name procrun
    /// already uses for something else. A refused `for_each` still gives the step its item (with
    /// no items: the file has an error, so it never runs), so that the step's reads of the item
    /// are not refused as well.
    func readLoop(_ pairs: [YAMLPair], into step: inout Step, reader: inout NodeReader) {
        let forEach = pairs.first { $0.key == "for_each" }
        let name = pairs.first { $0.key == "as" }
        if let matrix = pairs.first(where: { $0.key == "matrix" }) {
            if let forEach { reader.error(.matrixAndForEach, at: forEach.keyStart) }
            if let name { reader.error(.asWithMatrix, at: name.keyStart) }
            return readMatrix(matrix, pairs, into: &step, reader: &reader)
        }
        if let isolate = pairs.first(where: { $0.key == "isolate" }) { reader.error(.isolateWithoutMatrix, at: isolate.keyStart) }
        guard let forEach else {
            if let name { reader.error(.asWithoutLoop, at: name.keyStart) }
            return
        }
        var itemName = Located("item", at: forEach.keyStart)
        step.loop = StepLoop(items: .written([]), name: itemName, location: forEach.keyStart)
        if let name, let text = reader.identifier(name.value, "'as'") {
            if StepLoop.reservedNames.contains(text) {
                reader.error(.asReserved(name: text), at: name.value.start)
                return
            }
            itemName = Located(text, at: name.value.start)
            step.loop?.name = itemName
        }
        let node = forEach.value
        let items: StepLoop.Items
        if let list = node.items {
            var fields: [TemplateField] = []
            for item in list {
                guard let field = Self.template(item, "an item of 'for_each'", reader: &reader) else { return }
                fields.append(field)
            }
            items = .written(fields)
        } else {
            guard let condition = Self.condition(node, "'for_each'", reader: &reader) else { return }
            items = .expression(condition)
        }
        step.loop = StepLoop(items: items, name: itemName, location: forEach.keyStart)
    }
}
