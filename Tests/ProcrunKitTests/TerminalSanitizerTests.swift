@testable import ProcrunRuntime
@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("output shown to people")
struct TerminalSanitizerTests {
    /// The sanitizer's output for `text` fed in pieces cut at every `cuts` offset (in bytes).
    func fed(_ text: String, keepColor: Bool, cuts: [Int]) -> String {
        var sanitizer = TerminalSanitizer(keepColor: keepColor)
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            bytes[start..<end].withUnsafeBytes { sanitizer.feed($0, into: &out) }
            start = end
        }
        sanitizer.finish(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("escape sequences and controls are taken out; colour passes only when asked, then is reset")
    func sequences() {
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2Jred: \u{1B}[31mRED\u{1B}[0m\u{1B}[5;5H \u{1B}P+q\u{1B}\\é\u{08}\u{7F}\u{9B}31m ok\r\nnext\rline\t."
        #expect(TerminalSanitizer.clean(hostile) == "red: RED é ok\nnext\nline\t.")
        // U+009B is CSI as one C1 character: its colour is passed on as ESC [.
        #expect(TerminalSanitizer.clean(hostile, keepColor: true) == "red: \u{1B}[31mRED\u{1B}[0m é\u{1B}[31m ok\nnext\nline\t.\u{1B}[0m")
        #expect(TerminalSanitizer.clean("plain text\n") == "plain text\n")
    }

    @Test("a sequence or a character cut between two chunks is still recognised")
    func chunks() {
        let text = "a\u{1B}]2;title\u{1B}\\b\u{1B}[1;32mc€d\r\ne"
        let whole = fed(text, keepColor: true, cuts: [])
        #expect(whole == "ab\u{1B}[1;32mc€d\ne\u{1B}[0m")
        for cut in 1..<text.utf8.count {
            #expect(fed(text, keepColor: true, cuts: [cut]) == whole, "cut at \(cut)")
        }
    }

    @Test("invalid UTF-8 becomes U+FFFD; a lone ESC ] does not swallow everything after it")
    func invalidAndEndless() {
        var sanitizer = TerminalSanitizer(keepColor: false)
        var out: [UInt8] = []
        [UInt8(ascii: "x"), 0xFF, 0xC3, UInt8(ascii: "y")].withUnsafeBytes { sanitizer.feed($0, into: &out) }
        sanitizer.finish(into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x\u{FFFD}\u{FFFD}y")
        let endless = "\u{1B}]" + String(repeating: "z", count: 5000) + "\nvisible"
        #expect(TerminalSanitizer.clean(endless).hasSuffix("\nvisible"))
    }

    @Test("secret values are masked in streamed output, also when a chunk ends inside one")
    func secretMasker() {
        let secret = "zzz9999secret"
        let text = "token zzz9999secret and zzz9 twice: zzz9999secretzzz9999secret."
        let bytes = Array(text.utf8)
        for cut in 0...bytes.count {
            let masker = SecretMasker([secret, "unused"])
            var out = bytes[..<cut].withUnsafeBytes { masker.feed($0) }
            out += bytes[cut...].withUnsafeBytes { masker.feed($0) }
            out += masker.finish()
            #expect(String(decoding: out, as: UTF8.self) == "token *** and zzz9 twice: ******.", "cut at \(cut)")
        }
    }

    @Test("error texts hide credential-shaped strings as record's redactor finds them")
    func credentialShapes() {
        let text = "expected exit code 0, got 3: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB AKIAIOSFODNN7EXAMPLE password=hunter2"
        #expect(SecretRedactor.credentialShapes.masking(text) == "expected exit code 0, got 3: *** *** password=***")
    }
}
