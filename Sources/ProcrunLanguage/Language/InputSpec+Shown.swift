extension InputSpec {
    /// A value given for this input as a message may quote it: `***` for a secret input.
    func shown(_ text: String) -> String {
        secret ? "***" : text
    }
}
