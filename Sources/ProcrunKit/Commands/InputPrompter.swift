import Glibc
import ProcrunLanguage
import ProcrunRuntime
import ProcrunText

/// Asks on the terminal for the `required` inputs a run was not given, as Ansible's `vars_prompt`
/// does: only when standard input and standard error are terminals (so never in a pipe, a script,
/// an agent's run or with `--json`). A `secret` input is read without echo; the terminal's
/// settings are restored whatever happens, Ctrl-C included.
struct InputPrompter {
    /// Where questions are written (standard error).
    var output: TextOutput
    /// The descriptor answers are read from (standard input).
    var input: Int32 = 0

    /// Whether prompting is possible: both standard input and the question's stream are terminals.
    var canPrompt: Bool { isatty(input) == 1 && output.isTerminal }

    /// What the user answered.
    enum Answer {
        /// A line of text (read as `--set` reads its value).
        case text(String)
        /// Nothing: end of input, or an empty line.
        case none
        /// Ctrl-C while a secret was asked for (the process is meant to end with exit 130).
        case interrupted
    }

    /// The inputs of `procedure` that are required, have no default, and are in neither `given`.
    static func missing(in procedure: Procedure, texts: [(name: String, text: String)], values: [String: Value]) -> [InputSpec] {
        let named = Set(texts.map(\.name)).union(values.keys)
        return procedure.inputs.filter { $0.required && $0.defaultValue == nil && !named.contains($0.name) }
    }

    /// Asks for every input `missing` returns, when prompting is possible; the answers as `--set`
    /// texts, or nil after Ctrl-C.
    func answers(for procedure: Procedure, texts: [(name: String, text: String)], values: [String: Value]) -> [(name: String, text: String)]? {
        guard canPrompt else { return [] }
        var answers: [(name: String, text: String)] = []
        for spec in Self.missing(in: procedure, texts: texts, values: values) {
            switch ask(spec) {
            case .text(let text): answers.append((spec.name, text))
            case .none: continue
            case .interrupted: return nil
            }
        }
        return answers
    }

    /// Asks for `spec`'s value: `name (description) [a, b]: `.
    func ask(_ spec: InputSpec) -> Answer {
        var question = spec.name
        if !spec.description.isEmpty { question += " (\(spec.description))" }
        if let allowed = spec.allowed { question += " [" + allowed.map { (try? $0.rendered()) ?? $0.jsonText }.joined(separator: ", ") + "]" }
        // The file's text never changes the terminal (a description with escape sequences).
        output.write(TerminalSanitizer.clean(question) + ": ")
        output.flush()
        let answer = spec.secret ? readSecret() : readLine()
        if spec.secret {
            output.write("\n")
            output.flush()
        }
        return answer
    }

    /// One line, echoed by the terminal as usual.
    private func readLine() -> Answer {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? .none : .text(Self.text(bytes)) }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        return bytes.isEmpty ? .none : .text(Self.text(bytes))
    }

    /// One line without echo, keys read one at a time (backspace erases, Ctrl-C interrupts).
    private func readSecret() -> Answer {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return readLine() }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        withUnsafeMutablePointer(to: &raw.c_cc) { pointer in
            pointer.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else { return readLine() }
        defer { _ = tcsetattr(input, TCSAFLUSH, &saved) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            switch byte {
            case 0x03: return .interrupted
            case 0x04: if bytes.isEmpty { return .none }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return bytes.isEmpty ? .none : .text(Self.text(bytes))
            case 0x7F, 0x08:
                // Remove the last character: its UTF-8 continuation bytes, then its first byte.
                while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
                if !bytes.isEmpty { bytes.removeLast() }
            default: bytes.append(byte)
            }
        }
        return bytes.isEmpty ? .none : .text(Self.text(bytes))
    }

    private static func text(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
