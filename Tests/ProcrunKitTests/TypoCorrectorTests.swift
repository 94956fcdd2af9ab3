@testable import ProcrunKit
@testable import ProcrunMemory
import Testing

/// Reading a mistyped task word as the library word it was meant to be.
@Suite("typo corrector")
struct TypoCorrectorTests {
    static let vocabulary = Vocabulary(
        terms: Set(Tokenizer.terms("restore deploy frontend backfill scale silence changelog container vacuum enable flaky onboard stale")))

    @Test(
        "one edit: left out, added, changed, swapped; two for words of eight letters or more",
        arguments: [
            ("restroe", "restor"), ("deplyo", "deploi"), ("fronted", "frontend"), ("sacle", "scale"),
            ("silense", "silenc"), ("chnagelog", "changelog"), ("contianer", "contain"), ("vaccum", "vacuum"), ("enabel", "enabl"),
            ("flakey", "flaki"), ("onbaord", "onboard"), ("frontnde", "frontend"),
        ])
    func corrects(typo: String, stem: String) {
        #expect(TypoCorrector.corrections(of: typo, in: Self.vocabulary).contains(stem))
    }

    @Test("short words, a changed first letter, a changed ending and known words are left alone")
    func leavesAlone() {
        #expect(TypoCorrector.corrections(of: "sacl", in: Self.vocabulary).isEmpty)
        #expect(TypoCorrector.corrections(of: "ccale", in: Self.vocabulary).isEmpty)
        #expect(TypoCorrector.corrections(of: "xestore", in: Self.vocabulary).isEmpty)
        #expect(TypoCorrector.corrections(of: "router", in: Vocabulary(terms: ["rout"])).isEmpty)
        #expect(TypoCorrector.corrections(of: "restore", in: Self.vocabulary).isEmpty)
        #expect(TypoCorrector.corrections(of: "r3store", in: Self.vocabulary).isEmpty)
    }

    @Test("the distance counts a swap as one edit and stops past its limit")
    func distance() {
        #expect(TypoCorrector.distance(Array("restore".utf8), Array("restroe".utf8), limit: 2) == 1)
        #expect(TypoCorrector.distance(Array("kitten".utf8), Array("sitting".utf8), limit: 5) == 3)
        #expect(TypoCorrector.distance(Array("kitten".utf8), Array("sitting".utf8), limit: 2) == 3)
        #expect(TypoCorrector.distance(Array("".utf8), Array("ab".utf8), limit: 2) == 2)
    }
}
