/// The values a template is rendered with: the roots `inputs`, `env`, `vars`, `steps`, ...
public struct RenderContext: Sendable {
    /// Root names to their values.
    public var roots: [String: Value]

    /// A context with these roots.
    public init(roots: [String: Value]) {
        self.roots = roots
    }
}
