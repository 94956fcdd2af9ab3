import ProcrunKit
import Testing

/// `procrun record NAME --from a.jsonl --from b.jsonl ...`: one procedure from several recordings.
@Suite("recording from several traces")
struct MultiTraceRecordTests {
    static let library = """
        actions:
          build_image:
            parameters: {service: {required: true}, tag: {required: true}}
            command: "echo built {{ params.service }}:{{ params.tag }} digest: sha256:0123"
          rollout:
            parameters: {service: {required: true}, replicas: {required: true}}
            command: "echo rolled out {{ params.replicas }} replicas of {{ params.service }}"
          notify:
            parameters: {channel: {required: true}}
            command: "echo sent to {{ params.channel }}"

        """

    static func trace(tag: String, replicas: Int, notify: Bool) -> String {
        var lines = [
            #"{"action": "shell", "parameters": {"command": "echo 12 tests passed"}, "outcome": "12 tests passed\n", "exit_code": 0}"#,
            #"{"action": "build_image", "parameters": {"service": "backend", "tag": "\#(tag)"}, "outcome": "built backend:\#(tag) digest: sha256:0123\n", "exit_code": 0}"#,
        ]
        if notify { lines.append(#"{"action": "notify", "parameters": {"channel": "deploys"}, "outcome": "sent to deploys\n", "exit_code": 0}"#) }
        lines.append(#"{"action": "rollout", "parameters": {"service": "backend", "replicas": \#(replicas)}, "outcome": "rolled out \#(replicas) replicas of backend\n", "exit_code": 0}"#)
        return lines.joined(separator: "\n") + "\n"
    }

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("procrun.yaml", library)
        _ = try folder.write("a.jsonl", trace(tag: "v1.2", replicas: 3, notify: false))
        _ = try folder.write("b.jsonl", trace(tag: "v1.3", replicas: 5, notify: true))
        _ = try folder.write("c.jsonl", trace(tag: "v1.4", replicas: 4, notify: false))
        return folder
    }

    static let logs = ["--from", "a.jsonl", "--from", "b.jsonl", "--from", "c.jsonl"]

    @Test("three traces give inputs tag and replicas (defaults from the last), the common steps, and the procedure runs")
    func commonSteps() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let record = try ProcrunBinary.run(["record", "deploy", "--description", "Deploy the backend."] + Self.logs, in: folder.path)
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stdout.contains("step 'notify' was performed in 1 of 3 logs: left out (--keep-optional keeps it behind a condition)\n"))
        let text = try folder.read("deploy.yaml")
        let expected = """
            inputs:
              tag:
                type: string
                default: v1.4
                description: 'learned from 3 recordings; values seen: v1.2, v1.3, v1.4'
              replicas:
                type: integer
                default: 4
                description: 'learned from 3 recordings; values seen: 3, 5, 4'

            steps:
              - id: echo
                action: shell
                parameters:
                  command: echo 12 tests passed
                expect:
                  exit_code: 0
                  contains: tests passed

              - id: build_image
                action: build_image
                parameters:
                  service: backend
                  tag: '{{ inputs.tag }}'
                expect:
                  exit_code: 0
                  contains: 'digest:'

              - id: rollout
                action: rollout
                parameters:
                  service: backend
                  replicas: '{{ inputs.replicas }}'
                expect:
                  exit_code: 0
                  contains: replicas of backend

            """
        #expect(text.contains(expected), "\(text)")
        #expect(!text.contains("notify"))
        let check = try ProcrunBinary.run(["check", "deploy.yaml"], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
        let run = try ProcrunBinary.run(["run", "deploy", "--set", "tag=v2.0", "--json", "--no-learn"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("built backend:v2.0 digest"))
        #expect(run.stdout.contains("rolled out 4 replicas"))
    }

    @Test("--keep-optional keeps the extra step behind a boolean input; --dry-run writes nothing; one --from behaves as before")
    func optionalSteps() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let dry = try ProcrunBinary.run(["record", "deploy", "--description", "Deploy.", "--keep-optional", "--dry-run"] + Self.logs, in: folder.path)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(!folder.exists("deploy.yaml"))
        #expect(dry.stdout.contains("""
              include_notify:
                type: boolean
                default: false
                description: "whether to run the 'notify' step (performed in 1 of 3 recordings)"
            """))
        #expect(dry.stdout.contains("  - id: notify\n    action: notify\n    when: inputs.include_notify\n    parameters:\n      channel: deploys\n"))
        let record = try ProcrunBinary.run(["record", "deploy", "--description", "Deploy.", "--keep-optional"] + Self.logs, in: folder.path)
        #expect(record.status == 0, "\(record.stderr)")
        let without = try ProcrunBinary.run(["deploy", "--json", "--no-learn"], in: folder.path)
        #expect(!without.stdout.contains("sent to deploys"))
        let with = try ProcrunBinary.run(["deploy", "--set", "include_notify=true", "--json", "--no-learn"], in: folder.path)
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("sent to deploys"))
        let single = try ProcrunBinary.run(["record", "single", "--description", "One trace.", "--from", "b.jsonl"], in: folder.path)
        #expect(single.status == 0, "\(single.stderr)")
        let one = try folder.read("single.yaml")
        #expect(one.contains("tag: v1.3") && one.contains("action: notify") && !one.contains("inputs:"))
    }
}
