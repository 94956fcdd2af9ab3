import ProcrunKit
import Testing

/// MCP's `record_procedure`, through the official Python client, records as `procrun record
/// --from` does: the same actions make the same file, byte for byte.
@Suite("record_procedure", .serialized)
struct RecordProcedureTests {
    /// A credential shape the recorder replaces by a secret input wherever it comes from.
    static let token = "ghp_" + String(repeating: "x7", count: 18)

    /// The actions of one task, each as a line of an action log: a library action, a `cd` step, a
    /// command that failed, one whose action was skipped, the same command twice (so its stable
    /// output is expected), a secret, notes, and a command back at the library's root.
    static let actions: [Value] = [
        ["action": "greet", "parameters": ["who": "world"], "outcome": "hello world", "duration_ms": 5.4],
        ["action": "shell", "parameters": ["command": "cd app"], "duration_ms": 1],
        ["action": "shell", "parameters": ["command": "make build"], "outcome": "built the app\n", "status": "success", "duration_ms": 400],
        ["action": "shell", "parameters": ["command": "make test"], "outcome": "1 failed\n", "status": "failed", "exit_code": 2, "duration_ms": 30],
        ["action": "shell", "parameters": ["command": .string("./deploy.sh --token " + token)], "outcome": "deployed\n", "duration_ms": 120],
        ["action": "log", "parameters": ["message": "skipped"], "status": "skipped"],
        ["action": "shell", "parameters": ["command": "make build"], "outcome": "built the app\n", "status": "ok", "duration_ms": 380],
        ["action": "shell", "parameters": ["command": "cd"]],
        ["action": "shell", "parameters": ["command": "echo finished"], "outcome": "finished\n", "notes": "tell the team", "duration_ms": 2],
    ]

    /// A library with a `procrun.yaml` defining one action, as `procrun record`'s tests use.
    static func library() throws -> TemporaryFolder {
        let folder = try RecordTests.library()
        try folder.write("app/.keep", "")
        return folder
    }

    @Test("record_procedure writes byte for byte what procrun record --from writes for the same actions")
    func sameFileAsRecordFrom() throws {
        let byLog = try Self.library()
        let byMCP = try Self.library()
        defer {
            byLog.remove()
            byMCP.remove()
        }
        try byLog.write("actions.jsonl", Self.actions.map(\.jsonText).joined(separator: "\n") + "\n")
        try ProcrunBinary.expect(
            ["record", "release", "--from", "actions.jsonl", "--description", "Build and deploy the app", "--tags", "app,deploy"], in: byLog.path,
            stdout: """
                read 8 actions from actions.jsonl
                saved release.yaml: 5 steps, 1 failed step left out
                secrets were replaced by inputs; run it with --set github_token=...

                """)
        let calls = try OneLibraryTests.mcp(byMCP.path, [
            ("record", "record_procedure", [
                "name": "release", "description": "Build and deploy the app", "tags": ["app", "deploy"], "steps": .list(Self.actions),
            ])
        ])
        #expect(calls["record"]?.isError == false)
        WholeText.expect(calls["record"]?.text ?? "", equals: #"{"file":"<tmp>/release.yaml","name":"release"}"#, "the result", normalizing: [.temporaryFolders])
        let fromLog = try byLog.read("release.yaml")
        WholeText.expect(fromLog, equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from a list of actions.
            name: release
            description: Build and deploy the app
            tags: [app, deploy]
            version: 1
            cwd: app

            inputs:
              github_token:
                type: string
                secret: true
                required: true
                description: 'replaces a recorded secret: a string shaped like a credential (github token)'

            steps:
              - id: greet
                action: greet
                parameters:
                  who: world
                expect:
                  exit_code: 0

              - id: make
                action: shell
                parameters:
                  command: make build
                expect:
                  exit_code: 0
                  contains: built the app

              - id: deploy_sh
                action: shell
                parameters:
                  command: './deploy.sh --token {{ inputs.github_token }}'
                expect:
                  exit_code: 0

              - id: make_2
                action: shell
                parameters:
                  command: make build
                expect:
                  exit_code: 0
                  contains: built the app

              - id: echo
                action: shell
                parameters:
                  command: echo finished
                  cwd: '.'
                expect:
                  exit_code: 0
                notes: tell the team

            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 907
              avg_duration_ms: 907
              last_executed: "<time>"

            """, "release.yaml from the log", normalizing: [.timestamps])
        let timestamps = OutputNormalization.timestamps
        WholeText.expect(timestamps.apply(try byMCP.read("release.yaml")), equals: timestamps.apply(fromLog), "release.yaml from record_procedure")
        try ProcrunBinary.expect(["check", "release.yaml"], in: byMCP.path, stdout: "ok: release.yaml: 'release', 5 steps\n")
    }

    @Test("a declared input takes its value's places in the commands, except where the shell-safety rules refuse it; a run gives another value")
    func declaredInputs() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let calls = try OneLibraryTests.mcp(folder.path, [
            ("record", "record_procedure", [
                "name": "release_notes", "description": "Write the release notes",
                "inputs": [
                    "version": ["type": "string", "default": "1.4.2", "description": "the release"],
                    "copies": ["type": "integer", "default": 3],
                    "draft": ["type": "boolean", "default": false],
                ],
                "steps": [
                    ["action": "shell", "parameters": ["command": "echo release 1.4.2 in 3 copies"], "outcome": "release 1.4.2 in 3 copies\n", "duration_ms": 4],
                    ["action": "shell", "parameters": ["command": "python3 -c 'print(\"1.4.2\")'"], "outcome": "1.4.2\n", "duration_ms": 20],
                ],
            ]),
            ("run", "run_procedure", ["name": "release_notes", "inputs": ["version": "2.0.0", "copies": 5]]),
        ])
        WholeText.expect(calls["record"]?.text ?? "", equals: """
            {"file":"<tmp>/release_notes.yaml","name":"release_notes","warnings":["warning: '1.4.2' is left literal in step python3: \
            a templated value here would run as code: 'python3 -c' runs this word as code"]}
            """, "the result", normalizing: [.temporaryFolders])
        WholeText.expect(try folder.read("release_notes.yaml"), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            # Recorded with procrun record from a list of actions.
            name: release_notes
            description: Write the release notes
            version: 1

            inputs:
              copies:
                type: integer
                default: 3
              draft:
                type: boolean
                default: false
              version:
                type: string
                default: '1.4.2'
                description: the release

            steps:
              - id: echo
                action: shell
                parameters:
                  command: 'echo release {{ inputs.version }} in {{ inputs.copies }} copies'
                expect:
                  exit_code: 0

              - id: python3
                action: shell
                parameters:
                  command: "python3 -c 'print(\\"1.4.2\\")'"
                expect:
                  exit_code: 0

            stats:
            """, "release_notes.yaml", normalizing: [.timestamps, .durationFields, .replacing(#"\nstats:\n(.|\n)*"#, with: "\nstats:", "the stats block")])
        let report = AgentFixture.object(calls["run"]?.text ?? "")
        #expect(calls["run"]?.isError == false, "\(calls["run"]?.text ?? "")")
        #expect(AgentFixture.steps(report).map { $0["outcome"] } == [.string("release 2.0.0 in 5 copies"), .string("1.4.2")])
    }

    @Test("what cannot be recorded is said, and nothing is written")
    func refusals() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let calls = try OneLibraryTests.mcp(folder.path, [
            ("all_failed", "record_procedure", ["name": "nothing", "steps": [["action": "shell", "parameters": ["command": "false"], "status": "failed"]]]),
            ("bad_status", "record_procedure", ["name": "nothing", "steps": [["action": "shell", "status": "maybe"]]]),
            ("bad_input", "record_procedure", ["name": "nothing", "inputs": ["version": ["type": "string", "allowed": ["1"]]], "steps": [["action": "log"]]]),
        ])
        WholeText.expect(calls["all_failed"]?.text ?? "", equals: "error: no step succeeded (1 recorded); nothing was saved", "all_failed")
        WholeText.expect(calls["bad_status"]?.text ?? "", equals: #"step 1: expected 'success', 'failed' or 'skipped' for 'status', found "maybe""#, "bad_status")
        WholeText.expect(
            calls["bad_input"]?.text ?? "", equals: "unknown key 'allowed' in input 'version'; expected type, default, required or description", "bad_input")
        #expect(calls.values.map(\.isError) == [true, true, true])
        #expect(!folder.exists("nothing.yaml"))
    }
}
