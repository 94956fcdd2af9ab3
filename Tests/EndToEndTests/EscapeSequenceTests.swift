import ProcrunKit
import Testing

/// Step output never changes the terminal: no escape sequence but colour reaches a terminal, and
/// nothing but printable text reaches a pipe or the JSON report.
@Suite("escape sequences in step output", .serialized)
struct EscapeSequenceTests {
    /// Every escape sequence in `text` that is not colour (SGR) nor one procrun writes itself
    /// (`ESC [K`, clearing its live progress line).
    func foreignSequences(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let escape = rest.firstIndex(of: "\u{1B}") {
            let sequence = rest[escape...].prefix(12)
            let isColour = sequence.dropFirst().first == "[" && sequence.dropFirst(2).prefix { $0.isNumber || $0 == ";" }.count + 2 < sequence.count
                && sequence.dropFirst(2).drop { $0.isNumber || $0 == ";" }.first == "m"
            if !isColour && !sequence.hasPrefix("\u{1B}[K") { found.append(String(sequence).debugDescription) }
            rest = rest[rest.index(after: escape)...]
        }
        return found
    }

    @Test("a pipe gets printable text only, as progress, with --verbose and in the JSON report")
    func pipe() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/escapes.yaml")
        try ProcrunBinary.expect(
            ["run", "escapes.yaml", "--no-learn"], in: folder.path, status: 1,
            stdout: """
                ▶ escapes (escapes.yaml, 1 step)
                  1/1 ✗ shell  paints  <duration>
                      error: expected exit code 0, got 1
                      │ red moved  done
                ✗ escapes failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (paints)

                """, normalizing: [.durations])
        try ProcrunBinary.expect(
            ["run", "escapes.yaml", "--no-learn", "--verbose"], in: folder.path, status: 1,
            stdout: """
                ▶ escapes (escapes.yaml, 1 step)
                  1/1 … shell  paints
                red moved  done
                  1/1 ✗ shell  paints  <duration>
                      error: expected exit code 0, got 1
                ✗ escapes failed in <duration>: 0 succeeded, 1 failed; first failure: step 1 (paints)

                """, normalizing: [.durations])
        try ProcrunBinary.expect(
            ["run", "escapes.yaml", "--no-learn", "--json"], in: folder.path, status: 1,
            stdout: """
                {"procedure":"escapes","file":"escapes.yaml","success":false,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
                "id":"paints","action":"shell","status":"failed","outcome":"red moved  done","duration_ms":<ms>,"exit_code":1,\
                "error":"expected exit code 0, got 1","attempts":1}],"outputs":{}}

                """, normalizing: [.durationFields])
    }

    @Test("a terminal gets the colour and nothing else of the step's sequences")
    func terminal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/escapes.yaml")
        for arguments in ["", " --verbose"] {
            // `script` gives procrun a pseudo-terminal; NO_COLOR is cleared so that colour is on.
            let command = "\(ProcrunBinary.path) run escapes.yaml --no-learn\(arguments)"
            let output = try ProcrunBinary.runShell(["script", "-qec", command, "/dev/null"], in: folder.path, environment: [("NO_COLOR", "")])
            #expect(output.contains("\u{1B}[31mred\u{1B}[0m"), "\(arguments) printed:\n\(output.debugDescription)")
            #expect(foreignSequences(in: output).isEmpty, "\(arguments) let through \(foreignSequences(in: output))")
            #expect(!output.contains("pwned"))
        }
    }
}
