/// One piece of a rendered template, kept apart for shell planning.
package enum RenderedPart: Sendable, Hashable {
    /// Literal text written in the template.
    case text(String)
    /// A rendered value: data, never code.
    case value(String)
    /// A rendered value whose last filter was `raw`: shell text, inserted unquoted.
    case raw(String)
    /// A list value, each item rendered: spread as separate words where it stands alone as a word
    /// outside quotes (`cargo test {{ inputs.args }}`), refused elsewhere.
    case words([String])
}
