@testable import ProcrunKit
@testable import ProcrunMemory
@testable import ProcrunText
import Testing

@Suite("retrieval")
struct RetrievalTests {
    @Test(
        "Porter stems",
        arguments: [
            ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"),
            ("motoring", "motor"), ("hopping", "hop"), ("filing", "file"), ("happy", "happi"), ("relational", "relat"),
            ("conditional", "condit"), ("generalization", "gener"), ("hopeful", "hope"), ("goodness", "good"), ("revival", "reviv"),
            ("adjustment", "adjust"), ("controll", "control"), ("rolling", "roll"), ("deploying", "deploi"), ("deployment", "deploy"),
            ("deployed", "deploi"), ("services", "servic"), ("service", "servic"), ("databases", "databas"), ("is", "is"), ("ab", "ab"),
            ("naïve", "naïve"),
        ])
    func stems(word: String, stem: String) {
        #expect(Stemmer.stem(word) == stem)
    }

    @Test func tokenizes() {
        #expect(Tokenizer.terms("Deploy the deployBackend service, then deploy_backend-v2!") == ["deploi", "deploi", "backend", "servic", "deploi", "backend", "v2"])
        #expect(Tokenizer.terms("the of and") == [])
        #expect(Tokenizer.terms("Ünïcode Straße") == ["ünïcode", "straße"])
    }

    static func summary(_ name: String, description: String = "", steps: [String], runs: Int = 0, successes: Int = 0, average: Int? = nil) -> ProcedureSummary {
        var summary = ProcedureSummary(path: name + ".yaml", name: name)
        summary.description = description
        summary.steps = steps.map { .init(action: "shell", parameters: ["command=" + $0]) }
        summary.runs = runs
        summary.successes = successes
        summary.successRate = runs > 0 ? Double(successes) / Double(runs) : nil
        summary.averageDurationMilliseconds = average
        return summary
    }

    @Test func rankingPrefersReliableAmongEquals() {
        let documents = [
            Self.summary("clean_cache", description: "Clean the cache", steps: ["redis-cli flushall"], runs: 10, successes: 3),
            Self.summary("clean-cache", description: "Clean the cache", steps: ["redis-cli flushall"], runs: 10, successes: 10),
            Self.summary("water_plants", description: "Water the plants", steps: ["echo water"]),
        ].map { IndexedDocument(summary: $0) }
        var ranker = Ranker(index: BM25Index(documents: documents))
        // Identical steps: one entry, the reliable one, with the other as its near-duplicate.
        #expect(ranker.rank("clean the cache").map(\.summary.name) == ["clean-cache"])
        #expect(ranker.rank("clean the cache").first?.duplicates.map(\.name) == ["clean_cache"])
        ranker.duplicateThreshold = 1.1
        #expect(ranker.rank("clean the cache").map(\.summary.name) == ["clean-cache", "clean_cache"])
        #expect(ranker.rank("bake bread").isEmpty)
        #expect(ranker.rank("water", limit: 1).map(\.summary.name) == ["water_plants"])
    }

    @Test func cacheLinesRoundTrip() {
        var summary = Self.summary("odd\tname", description: "tabs\tnew\nlines = and \\ slashes", steps: ["echo a=b", "x\u{1F}y"], runs: 3, successes: 2, average: 40)
        summary.tags = ["a", "b=c"]
        summary.supersededBy = "other"
        let status = FileStatus(size: 10, modified: 1, changed: 2, inode: 3, isDirectory: false, isRegularFile: true)
        let document = IndexedDocument(summary: summary, status: status)
        let line = IndexCache.encode(document, root: ".")
        let decoded = CachedLine(ArraySlice(Array(line.utf8)))
        #expect(decoded?.summary(path: summary.path) == summary)
        #expect(decoded?.status == status)
        #expect(decoded?.terms() == document.terms)
        #expect(decoded?.frequencies(ofEncoded: CachedLine.encoded(["echo", "nothing"])) == [document.terms["echo"] ?? -1, 0])
    }

    @Test func similarityJudgesSteps() {
        let a = Self.summary("deploy", description: "Deploy the API", steps: ["make build", "make push", "kubectl apply -f api.yaml"], runs: 10, successes: 9, average: 800)
        let b = Self.summary("ship_api", description: "Ship it", steps: ["make build", "make push", "kubectl apply -f api.yaml"], runs: 10, successes: 9, average: 500)
        let c = Self.summary("ship_web", description: "Deploy the web", steps: ["npm run build", "aws s3 sync dist s3://web"])
        let d = Self.summary("deploy_api", description: "Deploy the API", steps: ["make build"], runs: 1, successes: 1)
        #expect(SimilarityFinder.similarity(a, b) > 0.85)
        #expect(SimilarityFinder.similarity(a, c) < 0.3)
        let groups = SimilarityFinder().groups([a, b, c, d])
        #expect(groups.count == 1)
        #expect(groups.first?.keep.name == "ship_api")
        #expect(groups.first?.others.map(\.name) == ["deploy"])
    }

    @Test func markerSplicesAfterName() throws {
        let text = "# comment\nname: old  # trailing\ndescription: x\nsteps: []\n"
        let marked = try SupersededMarker.mark(SourceFile(path: "old.yaml", text: text), keep: "new", reason: "same: steps")
        #expect(String(decoding: marked.bytes, as: UTF8.self) == "# comment\nname: old  # trailing\nsuperseded_by: new\nsuperseded_reason: 'same: steps'\ndescription: x\nsteps: []\n")
        let crlf = try SupersededMarker.mark(SourceFile(path: "c.yaml", text: "name: c\r\nsteps: []\r\n"), keep: "d", reason: "r")
        #expect(String(decoding: crlf.bytes, as: UTF8.self) == "name: c\r\nsuperseded_by: d\r\nsuperseded_reason: r\r\nsteps: []\r\n")
        let last = try SupersededMarker.mark(SourceFile(path: "e.yaml", text: "steps: []\nname: e"), keep: "f", reason: "r")
        #expect(String(decoding: last.bytes, as: UTF8.self) == "steps: []\nname: e\nsuperseded_by: f\nsuperseded_reason: r\n")
        #expect(throws: DiagnosticsError.self) { try SupersededMarker.mark(SourceFile(path: "f.yaml", text: "{name: a, steps: []}"), keep: "b", reason: "r") }
        #expect(throws: DiagnosticsError.self) {
            try SupersededMarker.mark(SourceFile(path: "f.yaml", text: "name: a\nsuperseded_by: c\n"), keep: "b", reason: "r")
        }
    }
}
