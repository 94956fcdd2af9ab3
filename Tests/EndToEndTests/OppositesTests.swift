import ProcrunKit
import Testing

/// `similar` and `merge` never join procedures that do opposite things, and the one to keep is
/// judged with its number of runs; exported skills leave superseded procedures out.
@Suite("opposites are never merged", .serialized)
struct OppositesTests {
    static func procedure(_ name: String, verb: String, runs: Int? = nil, successes: Int = 0) -> String {
        var text = """
            name: \(name)
            description: \(verb) a DNS record in the zone
            steps:
              - action: shell
                parameters: {command: "dnsctl \(verb) --zone example.com --name www --type A"}
              - action: shell
                parameters: {command: "dnsctl list --zone example.com"}
              - action: shell
                parameters: {command: "dnsctl verify --zone example.com"}

            """
        if let runs {
            text += """
                stats:
                  execution_count: \(runs)
                  successes: \(successes)
                  failures: \(runs - successes)
                  success_rate: \(String(Double(successes) / Double(runs)).prefix(5))
                  total_duration_ms: \(runs * 1000)
                  avg_duration_ms: 1000
                  last_executed: "2026-11-25T13:03:26Z"

                """
        }
        return text
    }

    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("procrun.yaml", "")
        _ = try folder.write("add_dns_record.yaml", procedure("add_dns_record", verb: "add", runs: 1, successes: 1))
        _ = try folder.write("delete_dns_record.yaml", procedure("delete_dns_record", verb: "delete", runs: 30, successes: 30))
        _ = try folder.write("create_dns_record.yaml", procedure("create_dns_record", verb: "create", runs: 9, successes: 6))
        return folder
    }

    @Test("similar groups add with create, never with delete, and keeps 9 runs at 67% over 1 run at 100%")
    func similar() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["similar", "--threshold", "0.5"], in: folder.path, stdout: """
            2 procedures alike (73% similar):
              keep   create_dns_record  success 67% of 9 runs, avg 1s  create_dns_record.yaml
              merge  add_dns_record     success 100% of 1 run, avg 1s  add_dns_record.yaml
              to merge: procrun merge create_dns_record add_dns_record

            """)
    }

    @Test("merge refuses to merge opposites, naming the words, and changes nothing; --force merges")
    func merge() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let before = try folder.read("delete_dns_record.yaml")
        try ProcrunBinary.expect(["merge", "add_dns_record", "delete_dns_record"], in: folder.path, status: 2, stderr: """
            error: 'delete_dns_record' does the opposite of 'add_dns_record' ('delete' against 'add'): they are not duplicates; give --force to merge them anyway

            """)
        #expect(try folder.read("delete_dns_record.yaml") == before)
        try ProcrunBinary.expect(["merge", "add_dns_record", "delete_dns_record", "--force"], in: folder.path, stdout: """
            marked delete_dns_record.yaml:
              + superseded_by: add_dns_record
              + superseded_reason: 'merged into add_dns_record by procrun merge (0% similar); add_dns_record: success 100% of 1 run, avg 1s; this one: success 100% of 30 runs, avg 1s'
            the marked procedures stay on disk and still run; find and similar leave them out (review with your version control's diff)

            """)
        WholeText.expect(try folder.read("delete_dns_record.yaml"), equals: """
            name: delete_dns_record
            superseded_by: add_dns_record
            superseded_reason: 'merged into add_dns_record by procrun merge (0% similar); add_dns_record: success 100% of 1 run, avg 1s; this one: success 100% of 30 runs, avg 1s'
            description: delete a DNS record in the zone
            steps:
              - action: shell
                parameters: {command: "dnsctl delete --zone example.com --name www --type A"}
              - action: shell
                parameters: {command: "dnsctl list --zone example.com"}
              - action: shell
                parameters: {command: "dnsctl verify --zone example.com"}
            stats:
              execution_count: 30
              successes: 30
              failures: 0
              success_rate: 1.0
              total_duration_ms: 30000
              avg_duration_ms: 1000
              last_executed: "2026-11-25T13:03:26Z"

            """, "delete_dns_record.yaml")
    }

    @Test("export --skills leaves a superseded procedure out and names its successor")
    func export() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["merge", "create_dns_record", "add_dns_record"], in: folder.path, stdout: """
            marked add_dns_record.yaml:
              + superseded_by: create_dns_record
              + superseded_reason: 'merged into create_dns_record by procrun merge (73% similar); create_dns_record: success 67% of 9 runs, avg 1s; this one: success 100% of 1 run, avg 1s'
            the marked procedures stay on disk and still run; find and similar leave them out (review with your version control's diff)

            """)
        try ProcrunBinary.expect(["export", "--skills", ".skills", "--json"], in: folder.path, stdout: """
            {"removed":[],"superseded":["add_dns_record -> create_dns_record"],"unchanged":[],\
            "written":[".skills/create-dns-record/create_dns_record.yaml",".skills/create-dns-record/SKILL.md",\
            ".skills/delete-dns-record/delete_dns_record.yaml",".skills/delete-dns-record/SKILL.md"]}

            """)
        #expect(!folder.exists(".skills/add-dns-record"))
        #expect(folder.exists(".skills/create-dns-record/SKILL.md"))
    }
}
