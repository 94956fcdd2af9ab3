import ProcrunText

extension Expectation {
    /// Why an action's result fails the expectations on its outcome and standard error
    /// (`contains`, `not_contains`, `matches`, `equals`, `stderr_contains`), or nil. What the step
    /// printed is only quoted in the shown text, never in the failure's message.
    package func failure(of result: ActionResult, in context: any ActionContext) -> StepFailure? {
        do {
            for field in contains {
                let text = try context.string(field)
                if !result.outcome.contains(text) { return StepFailure(.outcomeLacks(text: text), quoting: Self.itWas(result.outcome)) }
            }
            for field in notContains {
                let text = try context.string(field)
                if !text.isEmpty, result.outcome.contains(text) {
                    return StepFailure(.outcomeHas(text: text), quoting: Self.itWas(result.outcome))
                }
            }
            if let regex = matches, !regex.matches(result.outcome) {
                return StepFailure(.outcomeMismatch(pattern: regex.pattern), quoting: Self.itWas(result.outcome))
            }
            if let field = equals {
                let text = try context.string(field)
                var outcome = result.outcome
                while outcome.last == "\n" || outcome.last == "\r\n" { outcome.removeLast() }
                if outcome != text { return StepFailure(.outcomeDiffers(text: text), quoting: Self.itWas(outcome)) }
            }
            for field in stderrContains {
                let text = try context.string(field)
                if !result.stderr.contains(text) { return StepFailure(.standardErrorLacks(text: text), quoting: Self.itWas(result.stderr)) }
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

    /// `3`, or `one of 0, 3` for several codes.
    static func list(_ codes: [Int]) -> String {
        codes.count == 1 ? "\(codes[0])" : "one of " + codes.map(String.init).joined(separator: ", ")
    }

    /// `: LINE`, the last line of `text` that is not empty (cut to 200 characters), or nothing.
    static func lastLine(_ text: String) -> String {
        guard let line = text.split(separator: "\n").last(where: { !$0.isEmpty }) else { return "" }
        return ": " + String(line).excerpt(200)
    }
}
