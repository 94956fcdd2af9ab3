import ProcrunLanguage
package import ProcrunText

extension StepListDraft {
    /// One step: an action and its parameters.
    package struct Step: Sendable {
        /// The step's id, if any.
        package var id: String?
        /// The action's name.
        package var action: String
        /// The parameters (a mapping), written as given.
        package var parameters: Value

        /// Creates a step.
        package init(id: String? = nil, action: String, parameters: Value = .mapping([:])) {
            self.id = id
            self.action = action
            self.parameters = parameters
        }
    }
}
