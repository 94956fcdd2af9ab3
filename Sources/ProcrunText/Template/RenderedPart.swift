/// One piece of a rendered template, kept apart for shell planning.
package enum RenderedPart: Sendable, Hashable {
    /// Literal text written in the template.
    case text(String)
    /// A rendered value: data, never code.
    case value(String)
    /// A rendered value whose last filter was `raw`: shell text, inserted unquoted.
    case raw(String)
}
