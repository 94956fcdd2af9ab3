import Testing
@testable import ProcrunKit

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

        #expect(memory.find("deploy the backend").first?.summary.name == "deploy_backend")
        #expect(memory.find("water plants").first?.summary.name == "water_plants")
        #expect(memory.find("launch rockets").isEmpty)
        #expect(memory.similar().isEmpty)
        #expect(throws: DiagnosticsError.self) { try memory.replay("deploy_backnd") { _, _ in "" } }
    }
}
