import ProcrunText

extension ReadSite {
    /// What is read: a template, or a condition.
    enum Text {
        /// A template (a parameter, an expectation, an output, an `env` value, an item of `for_each`).
        case template(TemplateField)
        /// A condition (`when`, an `assert` clause, an expression `for_each`).
        case condition(Condition)
    }
}
