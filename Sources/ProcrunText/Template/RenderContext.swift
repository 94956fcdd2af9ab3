/// The values a template is rendered with: the roots `inputs`, `env`, `vars`, `steps`, ...
package struct RenderContext: Sendable {
    /// Root names to their values.
    package var roots: [String: Value]

    /// A context with these roots.
    package init(roots: [String: Value]) {
        self.roots = roots
    }
}
