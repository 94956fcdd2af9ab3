import ProcrunLanguage
package import ProcrunText

/// Reads an agent's action log: one JSON object per line, each an action it performed.
///
/// ```json
/// {"action": "shell", "parameters": {"command": "make test"}, "outcome": "42 passed", "status": "success", "duration_ms": 812}
/// ```
///
/// `action` is required; `parameters` (an object), `outcome` (text; other JSON is kept as its JSON
/// text), `status` (`success`/`ok`/`succeeded` or `failed`/`failure`/`error`; default `success`;
/// `skipped` actions are left out), `duration_ms` (a number ≥ 0), `exit_code` (an integer) and
/// `notes` (text) and `stderr` (text: what a command wrote to standard error) are optional; other
/// members are ignored. Blank lines are skipped. An MCP
/// `tools/call` from an agent's session log is read as the `mcp` action that replays it
/// (see ``toolCall(_:)``).
package enum ActionLog {
    static let successWords: Set<String> = ["success", "succeeded", "ok", "passed", "done"]
    static let failureWords: Set<String> = ["failed", "failure", "error", "errored"]

    /// The actions in `text`, or every malformed line as a diagnostic at its line number.
    package static func read(_ text: String, path: String) throws(DiagnosticsError) -> [RecordedStep] {
        var steps: [RecordedStep] = []
        var problems: [Diagnostic] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            func problem(_ problem: RecordingProblem, column: Int = 1) {
                problems.append(Diagnostic(problem, path: path, at: SourceLocation(line: number, column: column, offset: 0)))
            }
            var value: JSONValue
            do {
                value = try JSONParser.parse(String(line))
            } catch {
                problem(.logNotJSON(reason: error.message), column: error.column)
                continue
            }
            if let call = toolCall(value) { value = call }
            guard case .object = value else {
                problem(.logNotObject(found: value.kindDescription))
                continue
            }
            guard case .string(let action)? = value["action"], NodeReader.isIdentifier(action) else {
                if let given = value["action"] {
                    problem(.logActionName(found: given.jsonText))
                } else {
                    problem(.logMissingAction)
                }
                continue
            }
            var step = RecordedStep(action: action)
            step.sourceLine = number
            switch value["parameters"] {
            case nil, .null?: break
            case .object(let members)?: step.parameters = members.map { RecordedParameter($0.key, $0.value) }
            case let other?:
                problem(.logParameters(found: other.kindDescription))
                continue
            }
            switch value["outcome"] {
            case nil, .null?: break
            case .string(let text)?: step.outcome = text
            case let other?: step.outcome = other.jsonText
            }
            switch value["status"] {
            case nil, .null?: break
            case .string(let word)? where successWords.contains(word.lowercased()): step.succeeded = true
            case .string(let word)? where failureWords.contains(word.lowercased()): step.succeeded = false
            case .string(let word)? where word.lowercased() == "skipped": continue
            case .boolean(let flag)?: step.succeeded = flag
            case let other?:
                problem(.logStatus(found: other.jsonText))
                continue
            }
            switch value["duration_ms"] {
            case nil, .null?: break
            case .number(let milliseconds, _)? where milliseconds >= 0 && milliseconds < 1e15: step.durationMilliseconds = Int(milliseconds.rounded())
            case let other?:
                problem(.logDuration(found: other.jsonText))
                continue
            }
            switch value["exit_code"] {
            case nil, .null?: break
            case .number(let code, _)? where code == code.rounded() && (0...255).contains(code):
                step.exitCode = Int(code)
                if code != 0 { step.succeeded = false }
            case let other?:
                problem(.logExitCode(found: other.jsonText))
                continue
            }
            if case .string(let note)? = value["notes"], !note.isEmpty { step.notes = [note] }
            switch value["stderr"] {
            case nil, .null?: break
            case .string(let text)?: step.stderr = text
            case let other?:
                problem(.logStderr(found: other.kindDescription))
                continue
            }
            steps.append(step)
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return steps
    }
}
