import ProcrunLanguage
import ProcrunText

extension ActionLog {
    /// The action one entry describes (a line of a log, or a step an agent gives MCP's
    /// `record_procedure`), read by the rules of ``ActionLog``; nil for a `skipped` action.
    static func entry(_ given: JSONValue) throws(RecordingProblem) -> RecordedStep? {
        let value = toolCall(given) ?? given
        guard case .object = value else { throw .logNotObject(found: value.kindDescription) }
        guard case .string(let action)? = value["action"], NodeReader.isIdentifier(action) else {
            if let found = value["action"] { throw .logActionName(found: found.jsonText) }
            throw .logMissingAction
        }
        var step = RecordedStep(action: action)
        switch value["parameters"] {
        case nil, .null?: break
        case .object(let members)?: step.parameters = members.map { RecordedParameter($0.key, $0.value) }
        case let other?: throw .logParameters(found: other.kindDescription)
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
        case .string(let word)? where word.lowercased() == "skipped": return nil
        case .boolean(let flag)?: step.succeeded = flag
        case let other?: throw .logStatus(found: other.jsonText)
        }
        switch value["duration_ms"] {
        case nil, .null?: break
        case .number(let milliseconds, _)? where milliseconds >= 0 && milliseconds < 1e15: step.durationMilliseconds = Int(milliseconds.rounded())
        case let other?: throw .logDuration(found: other.jsonText)
        }
        switch value["exit_code"] {
        case nil, .null?: break
        case .number(let code, _)? where code == code.rounded() && (0...255).contains(code):
            step.exitCode = Int(code)
            if code != 0 { step.succeeded = false }
        case let other?: throw .logExitCode(found: other.jsonText)
        }
        if case .string(let note)? = value["notes"], !note.isEmpty { step.notes = [note] }
        switch value["stderr"] {
        case nil, .null?: break
        case .string(let text)?: step.stderr = text
        case let other?: throw .logStderr(found: other.kindDescription)
        }
        return step
    }
}
