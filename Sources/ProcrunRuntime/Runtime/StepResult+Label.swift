extension StepResult {
    /// How a report names the step: its id, or its action and number (`sleep (step 2)`), never a
    /// bare number.
    package var label: String {
        id ?? "\(action) (step \(number))"
    }
}
