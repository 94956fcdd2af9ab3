@testable import ProcrunLanguage
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("LibraryAction: a library action's parameters")
struct LibraryActionTests {
    @Test("a call's params: each declared default, replaced by what the call gives")
    func parameterValues() throws {
        let folder = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-action-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", folder])) }
        try FileSystem.write(Array("""
            actions:
              deploy:
                parameters:
                  service: {required: true}
                  replicas: {default: "2"}
                  region: {default: eu}
                  note: {}
                command: "deploy {{ params.service }}"

            """.utf8), to: folder + "/procrun.yaml")
        let library = try Library.load(config: folder + "/procrun.yaml", root: folder)
        let action = try #require(library.actions["deploy"])
        #expect(action.parameterValues([:]) == ["replicas": "2", "region": "eu"])
        #expect(action.parameterValues(["service": "api", "region": "us"]) == ["service": "api", "replicas": "2", "region": "us"])
        #expect(action.parameterValues(["note": ""]) == ["note": "", "replicas": "2", "region": "eu"])
    }
}
