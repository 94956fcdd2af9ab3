/// Makes a step's output safe to show: nothing in it may change the state of the terminal it is
/// shown on. Escape sequences (a window title `ESC ]0;...BEL`, `ESC [2J`, cursor moves, device
/// strings), other C0 and C1 controls and invalid UTF-8 are taken out; colour (SGR, `ESC [...m`)
/// passes only when `keepColor` is set (a terminal), followed by a reset at the end. What is left
/// is printable text, line feeds and tabs; a carriage return becomes a line feed (so `\r\n` is one).
///
/// Output arrives in chunks that may split a sequence or a character anywhere, so the sanitizer
/// keeps its state between ``feed(_:into:)`` calls; ``finish(into:)`` ends a stream.
package struct TerminalSanitizer: Sendable {
    private enum State: Sendable {
        case ground, escape, escapeIntermediate, controlSequence, string, stringEscape, utf8
    }

    /// Whether colour (SGR) sequences pass.
    package let keepColor: Bool
    private var state = State.ground
    private var pendingReturn = false
    /// The bytes of the control sequence or UTF-8 character being read.
    private var held: [UInt8] = []
    private var needed = 0
    private var stringLength = 0
    private var coloured = false

    /// The longest control sequence kept for inspection, and the longest device string dropped
    /// before the rest is shown as text again (a lone `ESC ]` must not swallow all later output).
    static let sequenceLimit = 64
    static let stringLimit = 4096

    /// A sanitizer for one stream.
    package init(keepColor: Bool) {
        self.keepColor = keepColor
    }

    /// `text` made safe in one piece.
    package static func clean(_ text: String, keepColor: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 >= 0x80 }) else { return text }
        var sanitizer = TerminalSanitizer(keepColor: keepColor)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var copy = text
        copy.withUTF8 { sanitizer.feed(UnsafeRawBufferPointer($0), into: &out) }
        sanitizer.finish(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the safe part of `bytes` to `out`, keeping an unfinished sequence for the next call.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        for byte in bytes { step(byte, into: &out) }
    }

    /// Ends the stream: an unfinished sequence is dropped, an unfinished character shown as U+FFFD,
    /// and colour that passed is reset.
    package mutating func finish(into out: inout [UInt8]) {
        if state == .utf8 { out += Self.replacement }
        if pendingReturn { out.append(0x0A) }
        if coloured { out += [0x1B, 0x5B, 0x30, 0x6D] }
        self = TerminalSanitizer(keepColor: keepColor)
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private mutating func step(_ byte: UInt8, into out: inout [UInt8]) {
        switch state {
        case .ground: ground(byte, into: &out)
        case .escape: escape(byte)
        case .escapeIntermediate:
            if !(0x20...0x2F).contains(byte) { state = .ground }
        case .controlSequence: controlSequence(byte, into: &out)
        case .string:
            stringLength += 1
            if byte == 0x07 || stringLength > Self.stringLimit {
                state = .ground
            } else if byte == 0x1B {
                state = .stringEscape
            }
        case .stringEscape:
            if byte == UInt8(ascii: "\\") { state = .ground } else { escape(byte) }
        case .utf8: continuation(byte, into: &out)
        }
    }

    private mutating func ground(_ byte: UInt8, into out: inout [UInt8]) {
        if pendingReturn {
            pendingReturn = false
            out.append(0x0A)
            if byte == 0x0A { return }
        }
        switch byte {
        case 0x0A, 0x09, 0x20...0x7E: out.append(byte)
        case 0x0D: pendingReturn = true
        case 0x1B: state = .escape
        case 0xC2...0xDF: begin(byte, needing: 1)
        case 0xE0...0xEF: begin(byte, needing: 2)
        case 0xF0...0xF4: begin(byte, needing: 3)
        case 0x80...0xFF: out += Self.replacement
        default: break  // other C0 controls and DEL
        }
    }

    private mutating func begin(_ lead: UInt8, needing count: Int) {
        held = [lead]
        needed = count
        state = .utf8
    }

    private mutating func continuation(_ byte: UInt8, into out: inout [UInt8]) {
        guard byte & 0xC0 == 0x80 else {
            out += Self.replacement
            state = .ground
            ground(byte, into: &out)
            return
        }
        held.append(byte)
        guard held.count == needed + 1 else { return }
        state = .ground
        var scalar = UInt32(held[0]) & (held.count == 2 ? 0x1F : held.count == 3 ? 0x0F : 0x07)
        for next in held.dropFirst() { scalar = scalar << 6 | UInt32(next & 0x3F) }
        let minimum: UInt32 = held.count == 2 ? 0x80 : held.count == 3 ? 0x800 : 0x10000
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
            out += Self.replacement
        } else if (0x80...0x9F).contains(scalar) {
            // C1 controls: CSI, OSC and the string introducers start sequences; the rest are dropped.
            switch scalar {
            case 0x9B: startControlSequence()
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: startString()
            default: break
            }
        } else {
            out += held
        }
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "["): startControlSequence()
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"): startString()
        case 0x1B: state = .escape
        case 0x20...0x2F: state = .escapeIntermediate
        default: state = .ground
        }
    }

    private mutating func startControlSequence() {
        held = []
        state = .controlSequence
    }

    private mutating func startString() {
        stringLength = 0
        state = .string
    }

    private mutating func controlSequence(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case 0x20...0x3F:
            if held.count <= Self.sequenceLimit { held.append(byte) }
        case 0x40...0x7E:
            state = .ground
            let isColour = byte == UInt8(ascii: "m") && held.count <= Self.sequenceLimit
                && held.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }
            if keepColor && isColour {
                out += [0x1B, UInt8(ascii: "[")] + held + [byte]
                coloured = true
            }
        case 0x1B:
            state = .escape
        default:
            state = .ground  // a control inside the sequence cancels it
        }
    }
}
