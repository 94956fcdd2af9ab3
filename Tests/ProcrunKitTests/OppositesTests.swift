@testable import ProcrunMemory
import Testing

@testable import ProcrunKit

/// The words that make two procedures opposites, and the bound that picks the one to keep.
@Suite("opposites and the kept procedure")
struct OppositesTests {
    @Test("a word of each side tells opposites apart; words both share do not")
    func contrast() {
        #expect(Opposites.contrast(Opposites.words("backup the postgres database"), Opposites.words("restore the postgres database")) != nil)
        #expect(Opposites.contrast(Opposites.words("onboard an employee"), Opposites.words("offboarding a leaver")) != nil)
        #expect(Opposites.contrast(Opposites.words("deploy the backend"), Opposites.words("roll back the backend")) != nil)
        #expect(Opposites.contrast(Opposites.words("quarantine a host"), Opposites.words("unquarantine a host")) != nil)
        #expect(Opposites.contrast(Opposites.words("add a record"), Opposites.words("create a record")) == nil)
        #expect(Opposites.contrast(Opposites.words("add or delete a record"), Opposites.words("delete a record")) == nil)
    }

    @Test("the lower bound weighs the rate by the runs")
    func lowerBound() {
        var one = ProcedureSummary(path: "a.yaml", name: "a")
        one.runs = 1
        one.successes = 1
        one.successRate = 1
        var nine = ProcedureSummary(path: "b.yaml", name: "b")
        nine.runs = 9
        nine.successes = 6
        nine.successRate = 6.0 / 9
        #expect(abs((SimilarityFinder.lowerBound(one) ?? 0) - 0.207) < 0.01)
        #expect(abs((SimilarityFinder.lowerBound(nine) ?? 0) - 0.354) < 0.01)
        #expect(SimilarityFinder.isBetter(nine, one))
        #expect(SimilarityFinder.lowerBound(ProcedureSummary(path: "c.yaml", name: "c")) == nil)
    }
}
