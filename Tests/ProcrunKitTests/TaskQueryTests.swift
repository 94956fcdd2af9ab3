@testable import ProcrunKit
@testable import ProcrunMemory
import Testing

/// How `find` reads a task: values, context words, subordinate clauses, compounds, abbreviations,
/// typos and unknown words, each against a small vocabulary.
@Suite("reading a task")
struct TaskQueryTests {
    /// A vocabulary of the stems of `words`.
    static func vocabulary(_ words: String) -> Vocabulary {
        Vocabulary(terms: Set(Tokenizer.terms(words)))
    }

    static let library = vocabulary(
        "deploy backend staging production rollback rollout kubernetes database postgres restore backup certificate oncall page "
            + "node group upgrade password scale replicas feature flag new checkout dump pg migration")

    /// Each concept as `text:kind`.
    static func read(_ task: String, _ vocabulary: Vocabulary = library, abbreviations: Abbreviations = Abbreviations()) -> [String] {
        TaskQuery(task, vocabulary: vocabulary, abbreviations: abbreviations).concepts.map { "\($0.text):\($0.kind)" }
    }

    @Test(
        "numbers, versions, host names, shas, ticket ids, e-mail addresses and paths are values",
        arguments: [
            "v2.3.1", "db-prod-3.internal", "4f2c9ab", "CHG-1042", "8812345678", "jane.doe@example.com", "/aws/lambda/orders", "web-7",
            "10k", "ip-10-0-3-17.eu-west-1.compute.internal", "v2", "example.com", "abc1234", "a1b2c3d4",
        ])
    func values(piece: String) {
        #expect(TaskQuery.isValue(piece, abbreviations: Abbreviations()))
        #expect(Self.read("deploy backend \(piece) to staging") == ["deploy:word", "backend:word", "\(piece.lowercased()):value", "staging:word"])
    }

    @Test(
        "abbreviations and names that are mostly letters are words, not values",
        arguments: ["s3", "ec2", "k8s", "e2e", "sev1", "2fa", "i18n", "python3", "log4j", "route53"])
    func notValues(piece: String) {
        #expect(!TaskQuery.isValue(piece, abbreviations: Abbreviations()))
    }

    @Test("a value weighs little and is never required")
    func valueWeight() {
        let query = TaskQuery("deploy backend v2.3.1", vocabulary: Self.library)
        #expect(query.concepts.map(\.weight) == [1, 1, 0.2])
        #expect(query.required == [0, 1])
        #expect(query.concepts[2].forms == [.init(terms: ["v2", "3", "1"])])
    }

    @Test("context words and subordinate clauses are searched lower and never required")
    func context() {
        #expect(
            Self.read("roll back the backend in production tonight, next week we launch")
                == ["roll back:word", "backend:word", "production:word", "tonight:context", "next:context", "week:context", "launch:unknown"])
        #expect(Self.read("pg_dump the database before the migration") == ["pg_dump:word", "database:word", "migration:circumstance"])
        #expect(TaskQuery("dump the database before the migration", vocabulary: Self.library).concepts.map(\.weight) == [1, 1, 0.6])
    }

    @Test("contractions are words without their ending")
    func contractions() {
        #expect(Self.read("we're rolling back, it's the night's rollout") == ["rolling back:word", "night:context", "rollout:word"])
        #expect(Self.read("can't deploy") == ["deploy:word"])
    }

    @Test("compounds: written in two, hyphenated, run together, or a phrasal verb apart")
    func compounds() {
        #expect(TaskQuery("roll back the backend", vocabulary: Self.library).concepts.first?.forms == [.init(terms: ["rollback"]), .init(terms: ["roll", "back"])])
        #expect(TaskQuery("page the on-call", vocabulary: Self.library).concepts.last?.forms == [.init(terms: ["oncal"]), .init(terms: ["call"])])
        #expect(TaskQuery("roll new-checkout out", vocabulary: Self.library).concepts.map(\.text) == ["roll out", "new-checkout"])
        #expect(TaskQuery("upgrade the nodegroup", vocabulary: Self.library).concepts.last?.forms == [.init(terms: ["nodegroup"]), .init(terms: ["node", "group"])])
        // A compound of words the library does not all know is a name: a value.
        #expect(Self.read("flip dark-mode") == ["flip:unknown", "dark-mode:value"])
    }

    @Test("abbreviations are expanded, plurals too, and full words find the abbreviation")
    func abbreviations() {
        #expect(TaskQuery("k8s", vocabulary: Self.library).concepts.first?.forms == [.init(terms: ["k8s"]), .init(terms: ["kubernet"])])
        #expect(TaskQuery("certs", vocabulary: Self.library).concepts.first?.forms == [.init(terms: ["cert"]), .init(terms: ["certif"])])
        #expect(TaskQuery("production", vocabulary: Self.library).concepts.first?.forms == [.init(terms: ["product"]), .init(terms: ["prod"])])
        #expect(
            TaskQuery("e2e", vocabulary: Self.vocabulary("end")).concepts.first?.forms == [.init(terms: ["e2e"]), .init(terms: ["end"]), .init(terms: ["endtoend"])])
        let custom = Abbreviations(adding: ["ts": "typescript", "prod": "prodigy"])
        #expect(TaskQuery("ts", vocabulary: Self.vocabulary("typescript"), abbreviations: custom).concepts.first?.forms == [.init(terms: ["ts"]), .init(terms: ["typescript"])])
        #expect(custom.expansion(of: "prod") == "prodigy")
    }

    @Test("a typo of five letters or more is read as the library word one edit away")
    func typos() {
        let restore = TaskQuery("restroe the postgres backup", vocabulary: Self.library).concepts[0]
        #expect(restore.kind == .word)
        #expect(restore.forms == [.init(terms: ["restro"]), .init(terms: ["restor"], isCorrection: true)])
        #expect(Self.read("deplyo backend") == ["deplyo:word", "backend:word"])
        // Four letters are too few; a different first letter or ending is another word.
        #expect(Self.read("bakc up") == ["bakc:unknown"])
        #expect(Self.read("eeploy") == ["eeploy:unknown"])
        #expect(Self.read("router", Self.vocabulary("route")) == ["router:unknown"])
    }

    @Test("a word the library knows in no form stays required")
    func unknown() {
        let query = TaskQuery("renew my passport", vocabulary: Self.vocabulary("renew certificate"))
        #expect(query.concepts.map(\.kind) == [.word, .unknown])
        #expect(query.required == [0, 1])
    }
}
