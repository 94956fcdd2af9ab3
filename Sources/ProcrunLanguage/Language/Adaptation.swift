import ProcrunText

/// One `--adapt ACTION.PARAM=VALUE` override.
package struct Adaptation: Sendable, Hashable {
    /// The action whose steps are changed.
    package var action: String
    /// The parameter set in each of them.
    package var parameter: String
    /// The literal value.
    package var value: String

    /// An override of `parameter` in every step of `action`.
    package init(action: String, parameter: String, value: String) {
        self.action = action
        self.parameter = parameter
        self.value = value
    }

    /// Reads `ACTION.PARAM=VALUE`; nil when the text has another shape.
    package init?(parsing text: String) {
        guard let (name, value) = text.assignment, let dot = name.unicodeScalars.firstIndex(of: ".") else { return nil }
        action = String(name.unicodeScalars[..<dot])
        parameter = String(name.unicodeScalars[name.unicodeScalars.index(after: dot)...])
        self.value = value
        guard !action.isEmpty, !parameter.isEmpty else { return nil }
    }
}
