/// The parameters of an `http` step.
package struct HTTPCall: Sendable {
    /// The URL.
    package var url: TemplateField
    /// The method, `GET` by default.
    package var method: TemplateField?
    /// Request headers.
    package var headers: [(name: String, field: TemplateField)] = []
    /// The request body.
    package var body: TemplateField?
}
