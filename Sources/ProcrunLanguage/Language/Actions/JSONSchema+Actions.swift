import ProcrunText

extension JSONSchema {
    /// The schema's JSON text, ending with a line break: the text written by hand
    /// (``procedureSkeleton``, ``librarySkeleton``, ``showSkeleton``) with each built-in action's part written from
    /// its declaration.
    package var text: String {
        switch self {
        case .procedure: Self.withActions(Self.procedureSkeleton) + "\n"
        case .library: Self.withActions(Self.librarySkeleton) + "\n"
        case .show: Self.withActions(Self.showSkeleton) + "\n"
        }
    }

    /// `skeleton` with the built-in actions' parts written from their declarations: their names
    /// (`@names@`), the step's condition that picks each one's parameters (`@conditions@`,
    /// `@actionIs@`) and each one's parameters (`@parameters@`).
    static func withActions(_ skeleton: String) -> String {
        let actions = BuiltinActions.declarations
        return skeleton
            .replacingOccurrences("@names@", with: actions.map { "\"\($0.name)\"" }.joined(separator: ", "))
            .replacingOccurrences("@conditions@", with: actions.map(condition).joined(separator: ",\n"))
            .replacingOccurrences("@actionIs@", with: actions.map(actionIs).joined(separator: ",\n"))
            .replacingOccurrences("@parameters@", with: actions.map(parameters).joined(separator: ",\n"))
    }

    /// The step's condition: with this action, its parameters are the action's (and required
    /// when the action has a required one).
    private static func condition(_ action: ActionDeclaration) -> String {
        let required = action.required.isEmpty ? "" : ##", "required": ["parameters"]"##
        return ##"        {"if": {"$ref": "#/$defs/actionIs/\##(action.name)"}, "then": {"properties": {"parameters": {"$ref": "#/$defs/parameters/\##(action.name)"}}\##(required)}}"##
    }

    /// What a step naming the action is.
    private static func actionIs(_ action: ActionDeclaration) -> String {
        #"      "\#(action.name)": {"properties": {"action": {"const": "\#(action.name)"}}, "required": ["action"]}"#
    }

    /// The schema of the action's parameters.
    private static func parameters(_ action: ActionDeclaration) -> String {
        var lines = [
            "      \"\(action.name)\": {",
            "        \"type\": " + (action.required.isEmpty ? #"["object", "null"]"# : #""object""#) + ",",
            "        \"description\": " + quoted(action.summary) + ",",
        ]
        if let anyName = action.anyName {
            lines += [##"        "propertyNames": {"$ref": "#/$defs/identifierPattern"},"##, "        \"additionalProperties\": {\(anyName.kind.schema)}"]
        } else {
            lines.append("        \"properties\": {")
            lines.append(action.parameters.map { "          " + property($0) }.joined(separator: ",\n"))
            lines.append("        },")
            if !action.required.isEmpty { lines.append("        \"required\": [" + action.required.map(quoted).joined(separator: ", ") + "],") }
            lines.append("        \"additionalProperties\": false")
        }
        lines.append("      }")
        return lines.joined(separator: "\n")
    }

    /// One parameter's schema, described by its doc.
    private static func property(_ parameter: ActionParameter) -> String {
        var description = plain(parameter.doc)
        if let first = description.first { description = first.uppercased() + description.dropFirst() }
        if case .described(let text) = parameter.value { description += " (default: \(plain(text)))" }
        description += parameter.isRequired ? ". Required." : "."
        var text = "\(quoted(parameter.name)): {\(parameter.kind.schema), \"description\": \(quoted(description))"
        if case .value(let value) = parameter.value { text += ", \"default\": " + value.jsonText }
        return text + "}"
    }

    /// Markdown's links as their text: `[Shell safety](#shell-safety)` is `Shell safety`.
    private static func plain(_ markdown: String) -> String {
        var out = ""
        var rest = Substring(markdown)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]"),
            rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
            let end = rest[close...].firstIndex(of: ")")
        {
            out += rest[..<open] + rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// A JSON string.
    private static func quoted(_ text: String) -> String {
        var out = ""
        JSONWriter.appendString(text, to: &out)
        return out
    }
}
