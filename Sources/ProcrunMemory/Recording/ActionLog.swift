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
/// (see ``toolCall(_:)``). Each line is read by ``entry(_:)``, which also reads the steps an agent
/// gives MCP's `record_procedure`.
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
            let value: JSONValue
            do {
                value = try JSONParser.parse(String(line))
            } catch {
                problem(.logNotJSON(reason: error.message), column: error.column)
                continue
            }
            do {
                guard var step = try entry(value) else { continue }
                step.sourceLine = number
                steps.append(step)
            } catch {
                problem(error)
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return steps
    }
}
