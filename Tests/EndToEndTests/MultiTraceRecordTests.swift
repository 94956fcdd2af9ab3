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
        try ProcrunBinary.expect(["record", "deploy", "--description", "Deploy the backend."] + Self.logs, in: folder.path, stdout: """
            read 3 actions from a.jsonl
            read 4 actions from b.jsonl
            read 3 actions from c.jsonl
            step 'notify' was performed in 1 of 3 logs: left out (--keep-optional keeps it behind a condition)
            input 'tag' (string, default v1.4): learned from 3 recordings; values seen: v1.2, v1.3, v1.4
            input 'replicas' (integer, default 4): learned from 3 recordings; values seen: 3, 5, 4
            saved deploy.yaml: 3 steps

            """)
        let text = try folder.read("deploy.yaml")
        WholeText.expect(text, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
            name: deploy
            description: Deploy the backend.
            version: 1

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

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "deploy.yaml", normalizing: [.durationFields, .timestamps])
        try ProcrunBinary.expect(["check", "deploy.yaml"], in: folder.path, stdout: "ok: deploy.yaml: 'deploy', 3 steps\n")
        try ProcrunBinary.expect(["run", "deploy", "--set", "tag=v2.0", "--json", "--no-learn"], in: folder.path, stdout: """
            {"procedure":"deploy","file":"deploy.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"echo","action":"shell","status":"success","outcome":"12 tests passed","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":"build_image","action":"build_image","status":"success",\
            "outcome":"built backend:v2.0 digest: sha256:0123","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},\
            {"step":3,"id":"rollout","action":"rollout","status":"success","outcome":"rolled out 4 replicas of backend",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
    }

    @Test("--keep-optional keeps the extra step behind a boolean input; --dry-run writes nothing; one --from behaves as before")
    func optionalSteps() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try ProcrunBinary.expect(["record", "deploy", "--description", "Deploy.", "--keep-optional", "--dry-run"] + Self.logs, in: folder.path, stdout: """
            read 3 actions from a.jsonl
            read 4 actions from b.jsonl
            read 3 actions from c.jsonl
            step 'notify' was performed in 1 of 3 logs: kept, run when inputs.include_notify is true
            input 'tag' (string, default v1.4): learned from 3 recordings; values seen: v1.2, v1.3, v1.4
            input 'replicas' (integer, default 4): learned from 3 recordings; values seen: 3, 5, 4
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from 3 action logs (a.jsonl, b.jsonl, c.jsonl).
            name: deploy
            description: Deploy.
            version: 1

            inputs:
              tag:
                type: string
                default: v1.4
                description: 'learned from 3 recordings; values seen: v1.2, v1.3, v1.4'
              include_notify:
                type: boolean
                default: false
                description: "whether to run the 'notify' step (performed in 1 of 3 recordings)"
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

              - id: notify
                action: notify
                when: inputs.include_notify
                parameters:
                  channel: deploys
                expect:
                  exit_code: 0

              - id: rollout
                action: rollout
                parameters:
                  service: backend
                  replicas: '{{ inputs.replicas }}'
                expect:
                  exit_code: 0
                  contains: replicas of backend

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"
            (dry run: nothing was saved to deploy.yaml)

            """, normalizing: [.durationFields, .timestamps])
        #expect(!folder.exists("deploy.yaml"))
        try ProcrunBinary.expect(["record", "deploy", "--description", "Deploy.", "--keep-optional"] + Self.logs, in: folder.path, stdout: """
            read 3 actions from a.jsonl
            read 4 actions from b.jsonl
            read 3 actions from c.jsonl
            step 'notify' was performed in 1 of 3 logs: kept, run when inputs.include_notify is true
            input 'tag' (string, default v1.4): learned from 3 recordings; values seen: v1.2, v1.3, v1.4
            input 'replicas' (integer, default 4): learned from 3 recordings; values seen: 3, 5, 4
            saved deploy.yaml: 4 steps

            """)
        try ProcrunBinary.expect(["deploy", "--json", "--no-learn"], in: folder.path, stdout: """
            {"procedure":"deploy","file":"deploy.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"echo","action":"shell","status":"success","outcome":"12 tests passed","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":"build_image","action":"build_image","status":"success",\
            "outcome":"built backend:v1.4 digest: sha256:0123","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},\
            {"step":3,"id":"notify","action":"notify","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},\
            {"step":4,"id":"rollout","action":"rollout","status":"success","outcome":"rolled out 4 replicas of backend",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        try ProcrunBinary.expect(["deploy", "--set", "include_notify=true", "--json", "--no-learn"], in: folder.path, stdout: """
            {"procedure":"deploy","file":"deploy.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"echo","action":"shell","status":"success","outcome":"12 tests passed","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":"build_image","action":"build_image","status":"success",\
            "outcome":"built backend:v1.4 digest: sha256:0123","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},\
            {"step":3,"id":"notify","action":"notify","status":"success","outcome":"sent to deploys","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1},{"step":4,"id":"rollout","action":"rollout","status":"success",\
            "outcome":"rolled out 4 replicas of backend","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        try ProcrunBinary.expect(["record", "single", "--description", "One trace.", "--from", "b.jsonl"], in: folder.path, stdout: """
            read 4 actions from b.jsonl
            saved single.yaml: 4 steps

            """)
        let one = try folder.read("single.yaml")
        WholeText.expect(one, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from a list of actions.
            name: single
            description: One trace.
            version: 1

            steps:
              - id: echo
                action: shell
                parameters:
                  command: echo 12 tests passed
                expect:
                  exit_code: 0

              - id: build_image
                action: build_image
                parameters:
                  service: backend
                  tag: v1.3
                expect:
                  exit_code: 0

              - id: notify
                action: notify
                parameters:
                  channel: deploys
                expect:
                  exit_code: 0

              - id: rollout
                action: rollout
                parameters:
                  service: backend
                  replicas: 5
                expect:
                  exit_code: 0

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"

            """, "single.yaml", normalizing: [.durationFields, .timestamps])
    }
}
