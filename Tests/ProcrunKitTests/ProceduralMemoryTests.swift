@testable import ProcrunKit
@testable import ProcrunMemory
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

@Suite("procedural memory API", .serialized)
struct ProceduralMemoryTests {
    struct ToolFailure: Error {}

    @Test("record, finalize, replay with a custom executor and adaptation, find")
    func lifecycle() throws {
        let root = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-memory-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", root])) }
        let memory = try ProceduralMemory(libraryAt: root)

        var recorder = memory.startRecording(name: "deploy_backend", description: "Deploy the backend service to production", tags: ["deploy"])
        recorder.record(RecordedStep(action: "run_tests", parameters: ["suite": "all"], outcome: "All 142 tests passed", durationMilliseconds: 900))
        // One observation is no evidence that the text comes back: the output is expected because it is asked.
        try recorder.expect("tests passed")
        recorder.record(RecordedStep(action: "build_image", parameters: ["tag": "v1.2.3"], outcome: "Image built successfully", durationMilliseconds: 300))
        recorder.record(RecordedStep(action: "push_image", parameters: ["registry": "gcr.io/x"], outcome: "denied", succeeded: false))
        recorder.record(RecordedStep(action: "verify_health", parameters: ["url": "/health"], outcome: "200 OK"))
        let path = try #require(try memory.finalize(recorder))
        #expect(path == root + "/deploy_backend.yaml")
        #expect(throws: DiagnosticsError.self) { try memory.finalize(recorder) }

        _ = try memory.store(
            name: "water_plants", description: "Water the office plants",
            steps: [RecordedStep(action: "water", parameters: ["litres": "2"], outcome: "watered")])

        var calls: [(String, [String: String])] = []
        let report = try memory.replay("deploy_backend", adapt: ["build_image": ["tag": "v1.2.4"]]) { action, parameters in
            calls.append((action, parameters))
            switch action {
            case "run_tests": return "All 150 tests passed"
            case "build_image": return "Image built successfully"
            case "verify_health": return "status OK"
            default: throw ToolFailure()
            }
        }
        #expect(report.success, "\(report.steps.map { $0.error ?? "-" })")
        #expect(calls.map(\.0) == ["run_tests", "build_image", "verify_health"])
        #expect(calls[1].1 == ["tag": "v1.2.4"])
        #expect(calls[0].1 == ["suite": "all"])

        let failed = try memory.replay("deploy_backend") { action, _ in action == "run_tests" ? "3 tests failed" : "ok" }
        #expect(!failed.success)
        #expect(failed.steps.count == 1)
        #expect(failed.steps[0].error?.hasPrefix("expected the outcome to contain 'tests passed'") == true)

        let thrown = try memory.replay("deploy_backend") { _, _ in throw ToolFailure() }
        #expect(thrown.steps.map(\.status) == [.failed])
        #expect(thrown.statsNotSaved == nil)

        // Each replay is learned like a run: the recorded success, then three replays, one good.
        let stats = try StatsDocument(path: root + "/deploy_backend.yaml").stats
        #expect((stats.executionCount, stats.successes, stats.failures) == (4, 2, 2))
        let unlearned = try memory.replay("deploy_backend", learn: false) { _, _ in "All 1 tests passed" }
        #expect(unlearned.statsNotSaved == nil)
        #expect(try StatsDocument(path: root + "/deploy_backend.yaml").stats.executionCount == 4)

        #expect(memory.find("deploy the backend").first?.summary.name == "deploy_backend")
        #expect(memory.find("water plants").first?.summary.name == "water_plants")
        #expect(memory.find("launch rockets").isEmpty)
        #expect(memory.similar().isEmpty)
        #expect(throws: DiagnosticsError.self) { try memory.replay("deploy_backnd") { _, _ in "" } }
    }

    @Test("replay is procrun run with the caller as executor: built-ins, set, retries, on_failure, typed inputs, called procedures")
    func replaySemantics() throws {
        let root = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-memory-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", root])) }
        try FileSystem.write(Array("""
            name: notify
            inputs:
              who: {type: string}
            steps:
              - action: send_message
                parameters: {to: "{{ inputs.who }}", urgent: true}
            """.utf8), to: root + "/notify.yaml")
        try FileSystem.write(Array("""
            name: release
            inputs:
              count: {type: integer, default: 2}
            steps:
              - id: plan
                action: set
                parameters: {tag: "v{{ inputs.count }}"}
              - action: log
                parameters: {message: "releasing {{ vars.tag }}"}
              - id: flaky
                action: publish
                parameters: {tag: "{{ vars.tag }}", files: [a, b]}
                retries: {count: 2, delay: 0s}
                expect: {contains: published}
              - action: announce
                on_failure: continue
              - action: notify
                parameters: {who: "{{ steps.flaky.outcome }}"}
            """.utf8), to: root + "/release.yaml")
        let memory = try ProceduralMemory(libraryAt: root)
        var calls: [String] = []
        var attempts = 0
        let report = try memory.replay("release", inputs: ["count": "4"], learn: false) { action, parameters in
            calls.append(action + " " + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            switch action {
            case "publish":
                attempts += 1
                return attempts < 3 ? "busy" : "published"
            case "announce": throw ToolFailure()
            default: return "sent"
            }
        }
        #expect(report.success == false)
        #expect(calls == [
            "publish files=[\"a\",\"b\"] tag=v4", "publish files=[\"a\",\"b\"] tag=v4", "publish files=[\"a\",\"b\"] tag=v4",
            "announce ", "send_message to=published urgent=true",
        ])
        #expect(report.steps.map(\.status) == [.success, .success, .success, .failed, .success])
        #expect(report.steps[2].parameters == ["tag": "v4", "files": "[\"a\",\"b\"]"])
        #expect(report.steps[3].error == "ToolFailure()")
        #expect(throws: DiagnosticsError.self) { try memory.replay("release", inputs: ["count": "many"]) { _, _ in "" } }
        // An internal procedure runs only when another calls it: replay refuses it as the command line does.
        try FileSystem.write(Array("name: part\ninternal: true\nsteps:\n  - action: publish\n".utf8), to: root + "/part.yaml")
        var ran = false
        do {
            _ = try memory.replay("part") { _, _ in
                ran = true
                return ""
            }
            Issue.record("an internal procedure was replayed")
        } catch {
            #expect(error.diagnostics.map(\.id) == [.internalProcedure])
        }
        #expect(!ran)
    }

    @Test("optimize drops steps that fail more than they succeed, as a new version")
    func optimize() throws {
        let root = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-memory-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", root])) }
        let original = """
            name: flaky
            description: Has a flaky step.
            version: 1
            steps:
              - id: good
                action: log
                parameters: {message: fine}

              - id: bad
                action: shell
                parameters: {command: "false"}
                on_failure: continue

              - action: log
                parameters: {message: done}
            stats:
              execution_count: 5
              successes: 0
              failures: 5
              steps:
                good: {runs: 5, successes: 5, failures: 0, avg_duration_ms: 1}
                bad: {runs: 5, successes: 1, failures: 4, avg_duration_ms: 2}
                step-3: {runs: 5, successes: 5, failures: 0, avg_duration_ms: 1}

            """
        try FileSystem.write(Array(original.utf8), to: root + "/flaky.yaml")
        let memory = try ProceduralMemory(libraryAt: root)
        #expect(try memory.optimize("flaky", minimumRuns: 6) == nil)
        let plan = try #require(try memory.optimize("flaky"))
        #expect(plan.removed.map(\.id) == ["bad"])
        #expect(plan.written == nil)
        let applied = try #require(try memory.optimize("flaky", apply: true))
        #expect(applied.written == root + "/flaky.yaml")
        let text = String(decoding: try FileSystem.read(root + "/flaky.yaml"), as: UTF8.self)
        #expect(!text.contains("id: bad"))
        #expect(text.contains("version: 2\n"))
        #expect(text.contains("  - id: good\n    action: log\n    parameters: {message: fine}\n\n  - action: log\n"))
    }
}
