import Testing

@testable import ProcrunKit

@Suite("diagnostics")
struct DiagnosticRendererTests {
    @Test("renders path:line:col, the source line and a caret under the column")
    func rendersCaret() {
        let file = SourceFile(path: "p.yaml", text: "name: x\nsteps:\n  - acton: log\n")
        let renderer = DiagnosticRenderer(sources: [file])
        let text = renderer.render(.error(.unknownKey, "unknown key 'acton' in step 1; did you mean 'action'?", in: file, at: SourceLocation(line: 3, column: 5, offset: 19)))
        #expect(text == "p.yaml:3:5: error: unknown key 'acton' in step 1; did you mean 'action'?\n  - acton: log\n    ^\n")
    }

    @Test("colour only when asked")
    func colour() {
        let plain = DiagnosticRenderer(color: false).render(Diagnostic(.error, "bad"))
        #expect(plain == "error: bad\n")
        let coloured = DiagnosticRenderer(color: true).render(Diagnostic(.error, "bad"))
        #expect(coloured.contains("\u{1B}["))
    }

    @Test("suggestions find near names only")
    func suggestions() {
        #expect(Suggestion.closest(to: "paramters", in: ["parameters", "action"]) == "parameters")
        #expect(Suggestion.closest(to: "shel", in: ["shell", "log"]) == "shell")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["shell", "log"]) == nil)
    }
}
