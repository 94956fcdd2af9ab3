@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("ShellQuote: the one shell quoter")
struct ShellQuoteTests {
    @Test("a word stays as it is when it is safe, else it is single-quoted")
    func word() {
        #expect(ShellQuote.word("backend:v1.2/x_y@z%+=,-") == "backend:v1.2/x_y@z%+=,-")
        #expect(ShellQuote.word("") == "''")
        #expect(ShellQuote.word("a b") == "'a b'")
        #expect(ShellQuote.word("it's $HOME") == "'it'\\''s $HOME'")
        #expect(ShellQuote.word("café") == "'café'")
    }

    @Test("a phrase is double-quoted unless something in it is special there")
    func phrase() {
        #expect(ShellQuote.phrase("renew my passport") == "\"renew my passport\"")
        #expect(ShellQuote.phrase("it's $HOME") == "'it'\\''s $HOME'")
        #expect(ShellQuote.phrase("say \"hi\"") == "'say \"hi\"'")
    }
}
