@testable import ProcrunKit
@testable import ProcrunMemory
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

/// The ranking and the judgement of fit, on small libraries built in memory.
@Suite("ranker")
struct RankerTests {
    /// A summary with a description, tags, shell steps, inputs and a record.
    static func summary(
        _ name: String, _ description: String, tags: [String] = [], steps: [String] = [], inputs: [String] = [], inputValues: [String] = [],
        runs: Int = 0, successes: Int = 0
    ) -> ProcedureSummary {
        var summary = ProcedureSummary(path: name + ".yaml", name: name)
        summary.description = description
        summary.tags = tags
        summary.steps = steps.map { .init(action: "shell", parameters: ["command=" + $0]) }
        summary.inputs = inputs
        summary.inputValues = inputValues
        summary.runs = runs
        summary.successes = successes
        summary.successRate = runs > 0 ? Double(successes) / Double(runs) : nil
        return summary
    }

    static func ranker(_ summaries: [ProcedureSummary]) -> Ranker {
        Ranker(index: BM25Index(documents: summaries.map { IndexedDocument(summary: $0) }))
    }

    /// Two deploys that differ by one word, the staging one with the far better record, and others.
    static let deploys = ranker([
        summary("deploy_backend_staging", "Deploy the backend API to the staging cluster.", tags: ["deploy", "staging"], runs: 40, successes: 39),
        summary("deploy_backend_production", "Deploy the backend API to the production cluster.", tags: ["deploy", "production"], runs: 5, successes: 3),
        summary("renew_tls_certificate", "Renew the TLS certificate of a domain with certbot.", tags: ["tls", "certificate"]),
        summary("rollback_frontend", "Put the previous web bundle back in production.", tags: ["rollback", "frontend"]),
        summary("drain_node", "Drain a Kubernetes node before maintenance.", inputValues: ["default=ip-10-0-3-17.eu-west-1.compute.internal"]),
        summary("uncordon_node", "Uncordon a Kubernetes node so pods schedule on it again."),
    ])

    @Test("the record breaks a near-tie but never overturns a word that tells two procedures apart")
    func record() {
        #expect(Self.deploys.rank("deploy the backend").map(\.summary.name).prefix(2) == ["deploy_backend_staging", "deploy_backend_production"])
        #expect(Self.deploys.rank("deploy the backend to production").first?.summary.name == "deploy_backend_production")
        #expect(Self.deploys.rank("deploy the backend to prod").first?.summary.name == "deploy_backend_production")
    }

    @Test("a value weighs little: the host in one procedure's default does not beat the task's verb")
    func values() {
        #expect(Self.deploys.rank("uncordon ip-10-0-3-17.eu-west-1.compute.internal").first?.summary.name == "uncordon_node")
        #expect(Self.deploys.rank("drain ip-10-0-3-17.eu-west-1.compute.internal").first?.matched == ["drain", "ip-10-0-3-17.eu-west-1.compute.internal"])
    }

    @Test("a task nothing fits lists nothing and names what the nearest procedures lack")
    func nothingFits() {
        let outcome = Self.deploys.find("renew my passport")
        #expect(outcome.matches.isEmpty)
        #expect(outcome.nearest.map(\.summary.name) == ["renew_tls_certificate"])
        #expect(outcome.nearest.first?.missing == ["passport"])
        #expect(outcome.uncovered == ["passport"])
        #expect(outcome.hint == "no procedure covers 'passport'; record one with procrun record NAME --description \"renew my passport\"")
        #expect(Self.deploys.find("bake a chocolate cake").hint == "no procedure covers 'bake', 'chocolate', 'cake'; record one with procrun record NAME --description \"bake a chocolate cake\"")
        #expect(ShellQuote.phrase("it's $HOME") == "'it'\\''s $HOME'")
    }

    @Test("the context of a long task is not required; an unknown object of a short one is")
    func longTask() {
        let long = "The users report the checkout page is slow in the browser since yesterday; next week we have a launch, so please roll back the frontend in production"
        #expect(Self.deploys.rank(long).first?.summary.name == "rollback_frontend")
        #expect(Self.deploys.rank("roll back the frontend in production").first?.matched == ["roll back", "frontend", "production"])
        #expect(Self.deploys.rank("roll back the passport frontend").isEmpty == false)
        #expect(Self.deploys.rank("renew the passport").isEmpty)
    }

    @Test("the coverage: a share of the required weight, and more than the first word")
    func coverage() {
        let query = TaskQuery("renew my passport", vocabulary: Vocabulary(terms: ["renew"]))
        let onlyVerb = TaskCoverage(query: query, importance: [1, 1], coverage: [1, 0])
        #expect(onlyVerb.share == 0.5)
        #expect(!onlyVerb.fits)
        #expect(onlyVerb.missing == [1])
        #expect(TaskCoverage(query: query, importance: [1, 1], coverage: [0, 1]).fits)
        let words = "one two three four five six seven"
        let seven = TaskQuery(words, vocabulary: Vocabulary(terms: Set(Tokenizer.terms(words))))
        #expect(seven.required.count == 7)
        #expect(TaskCoverage(query: seven, importance: Array(repeating: 1, count: 7), coverage: [0, 1, 0, 0, 0, 0, 0]).fits == false)
        #expect(TaskCoverage(query: seven, importance: Array(repeating: 1, count: 7), coverage: [0, 1, 1, 0, 0, 0, 0]).fits)
    }

    @Test("input defaults and allowed values are read and searched at a low weight; template expressions are not words")
    func inputValues() throws {
        let text = """
            name: toggle
            description: Switch a flag.
            inputs:
              environment: {type: string, allowed: [staging, production], default: production}
              flag: {type: string, description: the flag}
            steps:
              - action: shell
                parameters: {command: "ldcli toggle {{ inputs.flag }} --env {{ inputs.environment }}"}

            """
        let summary = try #require(ProcedureSummary.read(SourceFile(path: "toggle.yaml", text: text)))
        #expect(summary.inputValues == ["default=production", "allowed=staging", "allowed=production"])
        let terms = IndexedDocument(summary: summary).terms
        #expect(terms["product"] == 0.6)
        #expect(terms["stage"] == 0.3)
        #expect(terms["input"] == nil)
        #expect(terms["ldcli"] == 0.5)
    }

    @Test("a hyphenated word is also indexed whole, without making the document longer")
    func hyphenated() {
        let document = IndexedDocument(summary: Self.summary("page", "Page the on-call engineer."))
        #expect(document.terms["oncal"] == 1)
        #expect(document.terms["call"] == 1)
        #expect(document.length == 3 + 3)
        #expect(Tokenizer.hyphenCompounds("on-call, end-to-end, web-7 and a-b-c-d") == ["oncall", "endtoend"])
    }

    @Test("the vocabulary is saved with the cache and read back")
    func vocabularyCache() throws {
        let root = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-ranker-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", root])) }
        var summary = ProcedureSummary(path: root + "/a.yaml", name: "a")
        summary.description = "Rotate the keys"
        let documents = [IndexedDocument(summary: summary)]
        let cache = IndexCache(root: root)
        cache.save(documents, vocabulary: Vocabulary(documents: documents), scanStarted: 0)
        #expect(cache.load().vocabulary?.terms == ["rotat", "kei"])
    }
}
