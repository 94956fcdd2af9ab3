extension SecretRedactor {
    /// A redactor that knows the credential shapes only, compiled once, on first use.
    static let credentialShapes = SecretRedactor()

    /// `text` with every known secret value and every string shaped like a credential (the shapes
    /// `record` keeps out of recordings) shown as `***`.
    package func masking(_ text: String) -> String {
        var copy = self
        return RedactedPart.text(of: copy.redact(text, register: false))
    }
}
