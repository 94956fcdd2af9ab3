/// Finding, in a command's text, a program the code rules know: asked of every templated command
/// before the run and of every command run, so a word is first tested against a bit filter of the
/// known names and only a word that passes it is looked up.
extension ShellPlanner {
    /// Whether a word of `text` (split at blanks, quotes and operators, taken after its last `/`)
    /// names a program the code rules know, or `let`; with `syntax`, also whether `text` holds
    /// `$`, a backquote, `(`, `[` or `<`. Read as bytes, in place.
    static func findsProgramOrSyntax(_ text: String, syntax: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            var start = 0
            for index in 0..<bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "<"):
                    if syntax || namesProgram(bytes, start..<index) { return true }
                    start = index + 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: ";"),
                    UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ")"):
                    if namesProgram(bytes, start..<index) { return true }
                    start = index + 1
                case UInt8(ascii: "/"):
                    start = index + 1
                default:
                    break
                }
            }
            return namesProgram(bytes, start..<bytes.count)
        }
    }

    /// Whether `bytes[word]` is `let` or a name in ``ShellCodeRules/programs``.
    private static func namesProgram(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard !word.isEmpty, word.count <= ProgramNames.longest else { return false }
        let bit = ProgramNames.bit(of: UnsafeBufferPointer(rebasing: bytes[word]))
        guard ProgramNames.filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self)
        return name == "let" || ShellCodeRules.programs[name] != nil
    }

    /// The known names as a 1024-bit filter: a word whose bit is clear is none of them.
    private enum ProgramNames {
        /// The longest known name, in bytes.
        static let longest = ShellCodeRules.programs.keys.map(\.utf8.count).max() ?? 0

        /// The bits of every known name (and `let`).
        static let filter: [UInt64] = {
            var bits = [UInt64](repeating: 0, count: 16)
            for name in ShellCodeRules.programs.keys + ["let"] {
                let bit = Array(name.utf8).withUnsafeBufferPointer { Self.bit(of: $0) }
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            return bits
        }()

        /// A word's bit: its FNV-1a hash, folded to 10 bits.
        static func bit(of word: UnsafeBufferPointer<UInt8>) -> Int {
            var hash: UInt32 = 2_166_136_261
            for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return Int((hash ^ (hash >> 10) ^ (hash >> 20)) & 1023)
        }
    }
}
