extension CallTree {
    /// One call: the step that makes it and, when known before the run, the callee and its calls.
    package struct Call {
        /// The calling step.
        package var step: Step
        /// The callee as written (a name, a path, or a template).
        package var reference: String
        /// The callee; nil for a reference resolved only at run time.
        package var callee: Procedure?
        /// The callee's own calls, in step order.
        package var calls: [Call]
    }
}
