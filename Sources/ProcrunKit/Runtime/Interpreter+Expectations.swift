extension Interpreter {
    /// Checks a successful attempt against the step's expectations; returns why it fails, or nil.
    /// What the step printed is only quoted in the shown text, never in the failure's message.
    func check(_ step: Step, _ result: inout StepResult) -> StepFailure? {
        let expect = step.expect
        switch step.call {
        case .shell, .library:
            let accepted = expect.exitCodes ?? [0]
            if let code = result.exitCode, !accepted.contains(code) {
                return StepFailure(.expectation, "expected exit code \(Self.list(accepted)), got \(code)", quoting: Self.lastLine(result.stderr))
            }
        case .http:
            let code = result.exitCode ?? 0
            if let accepted = expect.statusCodes {
                if !accepted.contains(code) { return StepFailure(.expectation, "expected HTTP status \(Self.list(accepted)), got \(code)") }
            } else if !(200...299).contains(code) {
                return StepFailure(.expectation, "expected an HTTP status from 200 to 299, got \(code)")
            }
        default:
            break
        }
        // Most steps set no expectation beyond the exit code or status checked above.
        if step.hasDefaultSettings { return nil }
        do {
            for field in expect.contains {
                let text = try string(field)
                if !result.outcome.contains(text) { return StepFailure(.expectation, "expected the outcome to contain \(Self.quoted(text))", quoting: Self.itWas(result.outcome)) }
            }
            for field in expect.notContains {
                let text = try string(field)
                if !text.isEmpty, result.outcome.contains(text) {
                    return StepFailure(.expectation, "expected the outcome not to contain \(Self.quoted(text))", quoting: Self.itWas(result.outcome))
                }
            }
            if let regex = expect.matches, !regex.matches(result.outcome) {
                return StepFailure(.expectation, "expected the outcome to match /\(regex.pattern)/", quoting: Self.itWas(result.outcome))
            }
            if let field = expect.equals {
                let text = try string(field)
                var outcome = result.outcome
                while outcome.last == "\n" || outcome.last == "\r\n" { outcome.removeLast() }
                if outcome != text { return StepFailure(.expectation, "expected the outcome to equal \(Self.quoted(text))", quoting: Self.itWas(outcome)) }
            }
            for field in expect.stderrContains {
                let text = try string(field)
                if !result.stderr.contains(text) { return StepFailure(.expectation, "expected standard error to contain \(Self.quoted(text))", quoting: Self.itWas(result.stderr)) }
            }
        } catch {
            return error
        }
        return nil
    }

    /// `; it was '...'`: what the step produced, quoted after a failed expectation.
    static func itWas(_ text: String) -> String {
        "; it was " + quoted(text)
    }

    /// `'text'`, cut to 200 characters, newlines shown as `\n`.
    static func quoted(_ text: String) -> String {
        "'" + text.excerpt(200) + "'"
    }

    static func list(_ codes: [Int]) -> String {
        codes.count == 1 ? "\(codes[0])" : "one of " + codes.map(String.init).joined(separator: ", ")
    }

    static func lastLine(_ text: String) -> String {
        guard let line = text.split(separator: "\n").last(where: { !$0.isEmpty }) else { return "" }
        return ": " + String(line).excerpt(200)
    }
}
