package import ProcrunText

/// A step that runs another procedure: `action: replay_procedure` with `procedure` and `inputs`,
/// or the callee's name used directly as the action.
package struct ProcedureCall: Sendable {
    /// How the callee is named.
    package enum Reference: Sendable {
        /// A name or library path written literally, resolved before the run.
        case fixed(Located<String>)
        /// A template, resolved when the step runs.
        case templated(TemplateField)
    }

    /// A value passed to one of the callee's inputs.
    package struct Input: Sendable {
        /// How the value is written.
        package enum Form: Sendable {
            /// A plain `true`, `false` or number, or null (meaning "not given").
            case typed(Value)
            /// A template, rendered when the step runs.
            case template(TemplateField)
            /// A list whose items are templates.
            case list([TemplateField])
        }

        /// The input's name.
        package var name: String
        /// Where the name is written.
        package var keyStart: SourceLocation
        /// Where the value is written.
        package var valueStart: SourceLocation
        /// The value.
        package var value: Form
    }

    /// The callee as written.
    package var reference: Reference
    /// Where the call is written (the step's `action`).
    package var location: SourceLocation
    /// The callee, when it is known before the run (nil for a templated name, or a callee that
    /// could not be loaded, whose problems are reported on their own).
    package var callee: ProcedureSignature?
    /// The values passed, in file order.
    package var inputs: [Input] = []

    /// The reference as text, for messages and graphs.
    package var referenceText: String {
        switch reference {
        case .fixed(let name): name.value
        case .templated(let field): field.text
        }
    }

    /// Every template the call holds, for checking.
    var templates: [TemplateField] {
        var fields: [TemplateField] = []
        if case .templated(let field) = reference { fields.append(field) }
        for input in inputs {
            switch input.value {
            case .typed: break
            case .template(let field): fields.append(field)
            case .list(let items): fields += items
            }
        }
        return fields
    }
}
