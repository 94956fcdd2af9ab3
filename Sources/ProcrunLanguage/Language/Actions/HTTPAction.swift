import ProcrunSystem
import ProcrunText

/// `http`: sends an HTTP request. Outcome: the response body; the result's exit code is the status.
final class HTTPAction: BuiltinAction {
    static let declaration = ActionDeclaration(
        "http", "Sends an HTTP request. Outcome: the response body; the result's exit_code is the status code.",
        parameters: [
            ActionParameter("url", .template, .required, "an `http://` URL (for `https://`, procrun runs `curl`, which must be installed)"),
            ActionParameter("method", .template, .value(.string("GET")), "the request method"),
            ActionParameter("headers", .templates, .value(.mapping([:])), "request headers"),
            ActionParameter("body", .template, .optional, "the request body"),
        ])
    static let hasEffects = true

    /// The URL.
    let url: TemplateField
    /// The method, `GET` by default.
    let method: TemplateField?
    /// Request headers.
    let headers: [(name: String, field: TemplateField)]
    /// The request body.
    let body: TemplateField?

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        guard let url = parameters.field("url", reader: &reader) else { return nil }
        self.url = url
        method = parameters.field("method", reader: &reader)
        body = parameters.field("body", reader: &reader)
        headers = parameters.mapping("headers", reader: &reader)
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        fields += [url] + [method, body].compactMap { $0 } + headers.map(\.field)
    }

    var preview: String? { nil }

    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        let method = try context.string(method) ?? "GET"
        result.outcome = "\(method) \(try context.string(url))"
    }

    func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? {
        let code = result.exitCode ?? 0
        if let accepted = expect.statusCodes {
            if !accepted.contains(code) { return StepFailure(.httpStatus(accepted: accepted, got: code)) }
        } else if !(200...299).contains(code) {
            return StepFailure(.httpStatusNotSuccess(got: code))
        }
        return nil
    }

    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        let url = try context.string(url)
        let method = try context.string(method) ?? "GET"
        var headers: [(String, String)] = []
        for (name, field) in self.headers { headers.append((name, try context.string(field))) }
        let body = try context.string(body).map { Array($0.utf8) }
        let response = try Self.send(HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: context.timeLimit))
        result.exitCode = response.status
        result.outcome = response.body
    }

    /// Sends a request and returns the response's status and body: plain HTTP in-process, HTTPS
    /// through `curl`.
    static func send(_ request: HTTPRequest) throws(StepFailure) -> (status: Int, body: String) {
        if HTTPClient.needsCurl(request.url) { return try curl(request) }
        do {
            let response = try HTTPClient.send(request)
            return (response.status, response.bodyText)
        } catch {
            throw StepFailure(.action, error.message)
        }
    }

    /// HTTPS: `curl` writes the body, then the status on a last line of its own.
    private static func curl(_ request: HTTPRequest) throws(StepFailure) -> (status: Int, body: String) {
        var arguments = ["curl", "-sS", "-X", request.method, "--write-out", "\n%{http_code}"]
        for (name, value) in request.headers { arguments += ["-H", "\(name): \(value)"] }
        if request.body != nil { arguments += ["--data-binary", "@-"] }
        if let timeout = request.timeout { arguments += ["--max-time", String(timeout.seconds)] }
        arguments += ["--", request.url]
        var spec = ProcessSpec(arguments: arguments)
        spec.standardInput = request.body
        let process: ProcessResult
        do {
            process = try ProcessRunner.run(spec)
        } catch {
            throw StepFailure(.httpsNeedsCurl(reason: error.message))
        }
        guard process.exitCode == 0 else {
            throw StepFailure(.curlFailed(exitCode: process.exitCode), quoting: ": " + ActionResult.withoutFinalNewline(process.stderr.text))
        }
        var text = process.stdout.text
        let status = text.split(separator: "\n", omittingEmptySubsequences: false).last.flatMap { Int($0) } ?? 0
        if let newline = text.lastIndex(of: "\n") { text = String(text[..<newline]) }
        return (status, text)
    }
}
