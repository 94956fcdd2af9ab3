package import ProcrunText

/// A value given to the `set` action.
package enum SetValue: Sendable {
    /// A plain `true`, `false` or number, or a value tagged with its type (`!!int 3`):
    /// ``YAMLScalar/literalValue``.
    case typed(Value)
    /// A template, rendered when the step runs.
    case template(TemplateField)
}
