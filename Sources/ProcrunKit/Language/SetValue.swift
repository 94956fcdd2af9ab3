/// A value given to the `set` action.
package enum SetValue: Sendable {
    /// A plain `true`, `false` or number, typed as YAML 1.2's core schema reads it.
    case typed(Value)
    /// A template, rendered when the step runs.
    case template(TemplateField)
}
