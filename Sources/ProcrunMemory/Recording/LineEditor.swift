import Glibc
import ProcrunRuntime
import ProcrunText

/// The record prompt's line editor on a terminal: the keys people expect from a shell prompt
/// (arrows, Home and End, Backspace and Delete, Ctrl-A/E/B/F/K/U/W, Up and Down through the lines
/// typed before), and never an escape code in the line. The terminal is put in raw mode only while
/// a line is read and restored before the line is returned, so commands run on the terminal as the
/// person left it.
package final class LineEditor {
    /// How reading a line ended.
    package enum Outcome: Equatable {
        /// Enter: the line typed.
        case line(String)
        /// Ctrl-C: the line is dropped.
        case cancelled
        /// Ctrl-D on an empty line, or the terminal closed.
        case end
        /// SIGINT or SIGTERM arrived from outside.
        case interrupted
    }

    private let input: Int32
    private let output: TextOutput
    /// The lines entered so far, oldest first.
    private(set) var history: [String] = []

    /// An editor reading keys from `input` and drawing on `output` (both terminals).
    package init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = TextOutput(descriptor: output)
    }

    /// Whether both ends are terminals, so that the editor can be used.
    package static func available(input: Int32 = 0, output: Int32 = 1) -> Bool {
        isatty(input) == 1 && isatty(output) == 1
    }

    /// Shows `prompt` and reads one line.
    package func read(prompt: String) -> Outcome {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return .end }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(input, TCSADRAIN, &raw)
        defer { tcsetattr(input, TCSADRAIN, &saved) }
        var state = State(prompt: prompt, history: history)
        draw(state)
        while true {
            guard let byte = nextByte(wait: -1) else {
                write("\r\n")
                return Interrupts.received ? .interrupted : .end
            }
            switch byte {
            case 0x0D, 0x0A:
                write("\r\n")
                let line = String(String.UnicodeScalarView(state.text))
                if !line.trimmed().isEmpty, history.last != line { history.append(line) }
                return .line(line)
            case 0x03:
                write("^C\r\n")
                return .cancelled
            case 0x04:
                if state.text.isEmpty {
                    write("\r\n")
                    return .end
                }
                state.deleteForward()
            case 0x1B:
                key(afterEscape: &state)
            default:
                control(byte, &state)
            }
            draw(state)
        }
    }

    /// A control key or a typed character.
    private func control(_ byte: UInt8, _ state: inout State) {
        switch byte {
        case 0x01: state.cursor = 0
        case 0x05: state.cursor = state.text.count
        case 0x02: state.cursor = max(0, state.cursor - 1)
        case 0x06: state.cursor = min(state.text.count, state.cursor + 1)
        case 0x7F, 0x08: state.deleteBackward()
        case 0x0B: state.text.removeSubrange(state.cursor...)
        case 0x15:
            state.text.removeSubrange(..<state.cursor)
            state.cursor = 0
        case 0x17: state.deleteWordBackward()
        case 0x10: state.older()
        case 0x0E: state.newer()
        case 0x20...0x7E: state.insert(Unicode.Scalar(byte))
        case 0xC0...0xF7:
            // The rest of a UTF-8 sequence follows at once.
            var bytes = [byte]
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            while bytes.count < length, let next = nextByte(wait: 50), next & 0xC0 == 0x80 { bytes.append(next) }
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where scalar != "\u{FFFD}" { state.insert(scalar) }
        default: break  // other control keys (Tab among them) do nothing
        }
    }

    /// An escape sequence: arrows, Home, End and Delete act; every other one is read and dropped.
    private func key(afterEscape state: inout State) {
        guard let introducer = nextByte(wait: 50) else { return }
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else { return }
        var parameters: [UInt8] = []
        var final: UInt8 = 0
        while let byte = nextByte(wait: 50) {
            if (0x40...0x7E).contains(byte) {
                final = byte
                break
            }
            parameters.append(byte)
            if parameters.count > 16 { return }
        }
        let number = String(decoding: parameters, as: UTF8.self)
        switch (final, number) {
        case (UInt8(ascii: "A"), _): state.older()
        case (UInt8(ascii: "B"), _): state.newer()
        case (UInt8(ascii: "C"), _): state.cursor = min(state.text.count, state.cursor + 1)
        case (UInt8(ascii: "D"), _): state.cursor = max(0, state.cursor - 1)
        case (UInt8(ascii: "H"), _), (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): state.cursor = 0
        case (UInt8(ascii: "F"), _), (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): state.cursor = state.text.count
        case (UInt8(ascii: "~"), "3"): state.deleteForward()
        default: break
        }
    }

    /// The prompt and the line, the cursor where it is.
    private func draw(_ state: State) {
        var text = "\r" + state.prompt + String(String.UnicodeScalarView(state.text)) + "\u{1B}[K"
        let back = state.text.count - state.cursor
        if back > 0 { text += "\u{1B}[\(back)D" }
        write(text)
    }

    /// The next byte typed; nil at the end of input, after an interrupt, or when `wait`
    /// milliseconds pass (-1: no limit).
    private func nextByte(wait: Int32) -> UInt8? {
        var waited: Int32 = 0
        while true {
            if Interrupts.received { return nil }
            var entry = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let slice: Int32 = wait < 0 ? 200 : min(200, wait - waited)
            let ready = poll(&entry, 1, slice)
            if ready == 0 {
                waited += slice
                if wait >= 0, waited >= wait { return nil }
                continue
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            var byte: UInt8 = 0
            let count = Glibc.read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return nil
        }
    }

    private func write(_ text: String) {
        output.write(text)
        output.flush()
    }

    /// The line being edited, the cursor, and the place in the history.
    private struct State {
        let prompt: String
        let history: [String]
        var text: [Unicode.Scalar] = []
        var cursor = 0
        /// The history entry shown (history.count: the line being typed).
        var position: Int
        /// The line being typed, kept while older lines are shown.
        var draft: [Unicode.Scalar] = []

        init(prompt: String, history: [String]) {
            self.prompt = prompt
            self.history = history
            position = history.count
        }

        mutating func insert(_ scalar: Unicode.Scalar) {
            text.insert(scalar, at: cursor)
            cursor += 1
        }

        mutating func deleteBackward() {
            guard cursor > 0 else { return }
            text.remove(at: cursor - 1)
            cursor -= 1
        }

        mutating func deleteForward() {
            guard cursor < text.count else { return }
            text.remove(at: cursor)
        }

        mutating func deleteWordBackward() {
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        }

        mutating func older() {
            guard position > 0 else { return }
            if position == history.count { draft = text }
            position -= 1
            show(Array(history[position].unicodeScalars))
        }

        mutating func newer() {
            guard position < history.count else { return }
            position += 1
            show(position == history.count ? draft : Array(history[position].unicodeScalars))
        }

        private mutating func show(_ line: [Unicode.Scalar]) {
            text = line
            cursor = line.count
        }
    }
}
