extension StepListDraft {
    /// One step: an action and its parameters.
    public struct Step: Sendable {
        /// The step's id, if any.
        public var id: String?
        /// The action's name.
        public var action: String
        /// The parameters (a mapping), written as given.
        public var parameters: Value

        /// Creates a step.
        public init(id: String? = nil, action: String, parameters: Value = .mapping([:])) {
            self.id = id
            self.action = action
            self.parameters = parameters
        }
    }
}
