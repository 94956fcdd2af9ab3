extension Interpreter {
    /// Sends an `http` step's request: plain HTTP in-process, HTTPS through `curl`.
    func runHTTP(_ call: HTTPCall, timeout: Duration?, into result: inout StepResult) throws(StepFailure) {
        let url = try string(call.url)
        let method = try call.method.map { (field) throws(StepFailure) in try string(field) } ?? "GET"
        var headers: [(String, String)] = []
        for (name, field) in call.headers { headers.append((name, try string(field))) }
        let body = try call.body.map { (field) throws(StepFailure) in Array(try string(field).utf8) }
        if HTTPClient.needsCurl(url) {
            try runCurl(url: url, method: method, headers: headers, body: body, timeout: timeout, into: &result)
            return
        }
        do {
            let response = try HTTPClient.send(HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout))
            result.exitCode = response.status
            result.outcome = response.bodyText
        } catch {
            throw StepFailure(.action, error.message)
        }
    }

    /// HTTPS: `curl` writes the body, then the status on a last line of its own.
    private func runCurl(
        url: String, method: String, headers: [(String, String)], body: [UInt8]?, timeout: Duration?, into result: inout StepResult
    ) throws(StepFailure) {
        var arguments = ["curl", "-sS", "-X", method, "--write-out", "\n%{http_code}"]
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        if body != nil { arguments += ["--data-binary", "@-"] }
        if let timeout { arguments += ["--max-time", String(timeout.seconds)] }
        arguments += ["--", url]
        var spec = ProcessSpec(arguments: arguments)
        spec.standardInput = body
        let process: ProcessResult
        do {
            process = try ProcessRunner.run(spec)
        } catch {
            throw StepFailure(.action, "https needs curl: \(error.message)")
        }
        guard process.exitCode == 0 else {
            throw StepFailure(.action, "curl failed (exit \(process.exitCode))", quoting: ": " + Self.withoutFinalNewline(process.stderr.text))
        }
        var text = process.stdout.text
        let status = text.split(separator: "\n", omittingEmptySubsequences: false).last.flatMap { Int($0) } ?? 0
        if let newline = text.lastIndex(of: "\n") { text = String(text[..<newline]) }
        result.exitCode = status
        result.outcome = text
    }
}
