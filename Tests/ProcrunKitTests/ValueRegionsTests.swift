import ProcrunKit
import Testing

/// ``ValueRegions``: where the recordings of one text differ, and how far each value reaches.
@Suite("value regions")
struct ValueRegionsTests {
    /// Each region's values, one list per region: the wide value in each text.
    func wide(_ texts: [String]) -> [[String]] {
        ValueRegions.regions(texts).map { region in
            zip(texts, region.wide).map { text, range in String(Array(text)[range]) }
        }
    }

    /// Each region's narrow values, one list per region.
    func narrow(_ texts: [String]) -> [[String]] {
        ValueRegions.regions(texts).map { region in
            zip(texts, region.narrow).map { text, range in String(Array(text)[range]) }
        }
    }

    @Test("a version is widened to all of its digits, never a part of it")
    func versions() {
        let texts = ["make VERSION=1.2.0", "make VERSION=1.3.0", "make VERSION=1.3.1"]
        #expect(wide(texts) == [["1.2.0", "1.3.0", "1.3.1"]])
        #expect(narrow(texts) == [["1.2.0", "1.3.0", "1.3.1"]])
        #expect(wide(["echo 1.10", "echo 1.9"]) == [["1.10", "1.9"]])
    }

    @Test("a leading v is taken in by the wide value only")
    func versionPrefix() {
        let texts = ["git tag v1.4.0", "git tag v1.4.1", "git tag v1.5.0"]
        #expect(wide(texts) == [["v1.4.0", "v1.4.1", "v1.5.0"]])
        #expect(narrow(texts) == [["1.4.0", "1.4.1", "1.5.0"]])
        // A `v` ending a longer word is not a prefix.
        #expect(wide(["cp dev1.2 out", "cp dev1.3 out"]) == [["1.2", "1.3"]])
    }

    @Test("dates are widened over their dashes, the narrow value stopping at them")
    func dates() {
        #expect(wide(["report --since 2024-01-31", "report --since 2024-02-29"]) == [["2024-01-31", "2024-02-29"]])
        let months = ["gzip orders-2024-01.csv", "gzip orders-2025-01.csv"]
        #expect(wide(months) == [["2024-01", "2025-01"]])
        #expect(narrow(months) == [["2024", "2025"]])
    }

    @Test("a ticket takes in its upper-case key, not a lower-case word")
    func tickets() {
        let texts = ["git checkout -b PROJ-101-fix", "git checkout -b PROJ-205-fix"]
        #expect(wide(texts) == [["PROJ-101", "PROJ-205"]])
        #expect(narrow(texts) == [["101", "205"]])
        #expect(wide(["git checkout -b fix-101", "git checkout -b fix-205"]) == [["101", "205"]])
    }

    @Test("a space shared between two differing spans is part of one value")
    func multiWordValue() {
        let texts = ["git commit -qm 'fix rounding in totals'", "git commit -qm 'add csv export'"]
        #expect(wide(texts) == [["fix rounding in totals", "add csv export"]])
    }

    @Test("a sign between two differing spans separates two places")
    func twoPlaces() {
        #expect(wide(["grant --users erin,erin", "grant --users dave,dave"]) == [["erin", "dave"], ["erin", "dave"]])
        #expect(wide(["ls wiki/wiki", "ls docs/docs"]) == [["wiki", "docs"], ["wiki", "docs"]])
    }

    @Test("a sign every value ends or starts with belongs to the frame")
    func sharedSign() {
        #expect(wide(["upload --prefix lisbon_", "upload --prefix porto_", "upload --prefix faro_"]) == [["lisbon", "porto", "faro"]])
        #expect(wide(["echo _lisbon", "echo _porto"]) == [["lisbon", "porto"]])
    }

    @Test("equal texts have no value; a place where one text has nothing is not a value")
    func noValue() {
        #expect(ValueRegions.regions(["make test", "make test", "make test"]).isEmpty)
        #expect(ValueRegions.regions(["make test"]).isEmpty)
        #expect(ValueRegions.regions(["git push", "git push --tags"]).isEmpty)
    }

    @Test("several values in one text are found in order, with the frame between them kept")
    func severalValues() {
        let texts = ["echo deploy --replicas 2 --env staging", "echo deploy --replicas 3 --env staging", "echo deploy --replicas 5 --env production"]
        #expect(wide(texts) == [["2", "3", "5"], ["staging", "staging", "production"]])
    }
}
