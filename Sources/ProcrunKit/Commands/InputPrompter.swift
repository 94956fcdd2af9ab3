import Glibc
import ProcrunLanguage
import ProcrunRuntime
import ProcrunText

/// Asks on the terminal for the `required` inputs a run was not given, as Ansible's `vars_prompt`
/// does: only when standard input and standard error are terminals (so never in a pipe, a script,
/// an agent's run or with `--json`). Each answer is checked at once, as `--set`'s value would be
/// (``InputBinder/answer(_:for:in:)``), and asked again with the reason until it is accepted, so
/// a later input (a secret) is asked only after the earlier answers were. A `secret` input is read
/// without echo; the terminal's settings are restored whatever happens, Ctrl-C included.
struct InputPrompter {
    /// Where questions are written (standard error).
    var output: TextOutput
    /// How a refused answer's reason is written.
    var renderer = DiagnosticRenderer(color: false)
    /// The descriptor answers are read from (standard input).
    var input: Int32 = 0

    /// Whether prompting is possible: both standard input and the question's stream are terminals.
    var canPrompt: Bool { isatty(input) == 1 && output.isTerminal }

    /// What the user answered.
    enum Answer {
        /// A line of text (read as `--set` reads its value).
        case text(String)
        /// An empty line.
        case empty
        /// The end of input (Ctrl-D): nothing more is asked.
        case end
        /// Ctrl-C while a secret was asked for (the process is meant to end with exit 130).
        case interrupted
    }

    /// The inputs of `procedure` that are required, have no default, and are in neither `given`.
    static func missing(in procedure: Procedure, texts: [(name: String, text: String)], values: [String: Value]) -> [InputSpec] {
        let named = Set(texts.map(\.name)).union(values.keys)
        return procedure.inputs.filter { $0.required && $0.defaultValue == nil && !named.contains($0.name) }
    }

    /// Asks for every input `missing` returns, in the order they are declared, when prompting is
    /// possible: the accepted answers as values, or nil after Ctrl-C. After the end of input the
    /// inputs not yet answered are left out (the run then says they are missing).
    func answers(for procedure: Procedure, texts: [(name: String, text: String)], values: [String: Value]) -> [String: Value]? {
        guard canPrompt else { return [:] }
        var answers: [String: Value] = [:]
        for spec in Self.missing(in: procedure, texts: texts, values: values) {
            asking: while true {
                switch ask(spec) {
                case .text(let text):
                    do throws(DiagnosticsError) {
                        answers[spec.name] = try InputBinder.answer(text, for: spec, in: procedure)
                        break asking
                    } catch {
                        refuse(error.diagnostics)
                    }
                case .empty: refuse([Diagnostic(CommandProblem.answerRequired(input: spec.name))])
                case .end: return answers
                case .interrupted: return nil
                }
            }
        }
        return answers
    }

    /// Says why an answer was refused, before the question is asked again (the declaration's
    /// place is left out: the question names the input).
    private func refuse(_ problems: [Diagnostic]) {
        for var problem in problems {
            problem.notes = []
            output.write(renderer.render(problem))
        }
        output.flush()
    }

    /// Asks for `spec`'s value: `name (description) [a, b]: `.
    func ask(_ spec: InputSpec) -> Answer {
        var question = spec.name
        if !spec.description.isEmpty { question += " (\(spec.description))" }
        if let allowed = spec.allowed { question += " [" + allowed.map { (try? $0.rendered()) ?? $0.jsonText }.joined(separator: ", ") + "]" }
        // The file's text never changes the terminal (a description with escape sequences).
        let show = {
            output.write(TerminalSanitizer.clean(question) + ": ")
            output.flush()
        }
        guard spec.secret else {
            show()
            let answer = readLine()
            // Ctrl-D ends no line on the terminal: what is printed next starts one.
            if case .end = answer {
                output.write("\n")
                output.flush()
            }
            return answer
        }
        let answer = readSecret(asking: show)
        output.write("\n")
        output.flush()
        return answer
    }

    /// One line, echoed by the terminal as usual.
    private func readLine() -> Answer {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? .end : .text(Self.text(bytes)) }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        return Self.answer(bytes)
    }

    /// One line without echo, keys read one at a time (backspace erases, Ctrl-C interrupts). The
    /// question is shown by `asking` once echo is off, so that nothing typed after it is flushed.
    private func readSecret(asking: () -> Void) -> Answer {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else {
            asking()
            return readLine()
        }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        withUnsafeMutablePointer(to: &raw.c_cc) { pointer in
            pointer.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else {
            asking()
            return readLine()
        }
        defer { _ = tcsetattr(input, TCSAFLUSH, &saved) }
        asking()
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            switch byte {
            case 0x03: return .interrupted
            case 0x04: if bytes.isEmpty { return .end }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return Self.answer(bytes)
            case 0x7F, 0x08:
                // Remove the last character: its UTF-8 continuation bytes, then its first byte.
                while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
                if !bytes.isEmpty { bytes.removeLast() }
            default: bytes.append(byte)
            }
        }
        return bytes.isEmpty ? .end : .text(Self.text(bytes))
    }

    /// A line typed: its text, or an empty answer (a lone carriage return counts as empty).
    private static func answer(_ bytes: [UInt8]) -> Answer {
        let text = Self.text(bytes)
        return text.isEmpty ? .empty : .text(text)
    }

    /// The line's text, without a carriage return at its end.
    private static func text(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
