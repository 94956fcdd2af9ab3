@testable import ProcrunLanguage
@testable import ProcrunMemory
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// ``ProcedureStore`` is the one way a new procedure file is written: `new`, `record`,
/// ``ProceduralMemory`` and MCP's `record_procedure` (``AgentRecorder``) all go through it.
@Suite("ProcedureStore: the one writer of new procedures")
struct ProcedureStoreTests {
    static let greet = "name: greet\nsteps:\n  - action: log\n    parameters: {message: hi}\n"

    func library() throws -> (folder: String, store: ProcedureStore) {
        let folder = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-store-")
        try FileSystem.write(Array(Self.greet.utf8), to: folder + "/greet.yaml")
        return (folder, ProcedureStore(library: Library(root: folder)))
    }

    func remove(_ folder: String) {
        _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", folder]))
    }

    @Test("a procedure is checked as procrun check checks it: calls to the library's procedures included")
    func validatesCalls() throws {
        let (folder, store) = try library()
        defer { remove(folder) }
        let calling = "name: twice\nsteps:\n  - action: greet\n  - action: greet\n"
        #expect(try store.validate(calling, at: store.path(for: "twice"))?.steps.count == 2)
        let wrong = "name: wrong\nsteps:\n  - action: gret\n"
        #expect(throws: DiagnosticsError.self) { try store.validate(wrong, at: store.path(for: "wrong")) }
    }

    @Test("a new file is never written over one created after the plan; a plan that replaces does")
    func neverReplacesSilently() throws {
        let (folder, store) = try library()
        defer { remove(folder) }
        let plan = try store.plan("fresh", policy: .refuse)
        try FileSystem.write(Array("name: fresh\n".utf8), to: plan.path)
        #expect(throws: DiagnosticsError.self) { try store.write(Self.greet, plan: plan) }
        #expect(String(decoding: try FileSystem.read(plan.path), as: UTF8.self) == "name: fresh\n")
        let replacing = try store.plan("fresh", policy: .replace)
        try store.write("name: fresh\nsteps:\n  - action: greet\n", plan: replacing)
        #expect(String(decoding: try FileSystem.read(plan.path), as: UTF8.self).hasSuffix("action: greet\n"))
    }

    @Test("MCP's record_procedure saves through the store: a recording may call the library's procedures")
    func agentRecorder() throws {
        let (folder, _) = try library()
        defer { remove(folder) }
        let recording = AgentRecording(name: "greet_twice", steps: [RecordedStep(action: "greet"), RecordedStep(action: "greet")])
        let saved = try AgentRecorder().record(recording, inLibrary: folder)
        #expect(saved.path == folder + "/greet_twice.yaml" && saved.warnings.isEmpty)
        let text = String(decoding: try FileSystem.read(saved.path), as: UTF8.self)
        #expect(text.contains("\n  - id: greet\n    action: greet\n\n  - id: greet_2\n    action: greet\n"))
        let broken = AgentRecording(name: "broken", steps: [RecordedStep(action: "gret")])
        #expect(throws: DiagnosticsError.self) { try AgentRecorder().record(broken, inLibrary: folder) }
        #expect(!FileSystem.exists(folder + "/broken.yaml"))
    }
}
