@testable import ProcrunText
import Testing

/// GitHub Actions workflow commands, escaped as the runner reads them back.
@Suite("GitHub Actions workflow commands")
struct WorkflowCommandTests {
    @Test("a message escapes %, carriage return and newline; a property also : and ,")
    func escaping() {
        let line = WorkflowCommand.annotation(
            .error, path: "a,b:c%.yaml", at: SourceLocation(line: 3, column: 7, offset: 40), title: "deploy › 100%, done",
            message: "50% done\r\nnext: a, b")
        #expect(line == "::error file=a%2Cb%3Ac%25.yaml,line=3,col=7,title=deploy › 100%25%2C done::50%25 done%0D%0Anext: a, b")
    }

    @Test("each severity has its command; a position needs a file; a group's name is escaped data")
    func shapes() {
        #expect(WorkflowCommand.annotation(.warning, path: "x.yaml", at: nil, message: "w") == "::warning file=x.yaml::w")
        #expect(WorkflowCommand.annotation(.note, path: nil, at: SourceLocation(line: 1, column: 1, offset: 0), message: "n") == "::notice::n")
        #expect(WorkflowCommand.group("calls a\nb") == "::group::calls a%0Ab")
        #expect(WorkflowCommand.endGroup == "::endgroup::")
    }

    @Test("the renderer adds each diagnostic's annotation after its excerpt only when asked")
    func renderer() {
        let file = SourceFile(path: "p.yaml", text: "name: p\nstep: []\n")
        var renderer = DiagnosticRenderer(sources: [file])
        let diagnostic = Diagnostic(.error, "unknown key 'step'", id: .unknownKey, path: "p.yaml", at: SourceLocation(line: 2, column: 1, offset: 8))
        #expect(renderer.render(diagnostic) == "p.yaml:2:1: error: unknown key 'step'\nstep: []\n^\n")
        renderer.workflowCommands = true
        #expect(renderer.render(diagnostic) == "p.yaml:2:1: error: unknown key 'step'\nstep: []\n^\n::error file=p.yaml,line=2,col=1::unknown key 'step'\n")
    }
}
