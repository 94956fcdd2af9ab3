import Glibc
@testable import ProcrunText
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

    @Test("a file not registered is read from disk to quote its line, up to the size procedure files may have")
    func readsFromDisk() throws {
        #expect(DiagnosticRenderer.quotedFileLimit == YAMLLimits.standard.maxBytes)
        let path = "/tmp/procrun-renderer-\(getpid()).yaml"
        try FileSystem.write(Array("name: x\nstep: []\n".utf8), to: path)
        defer { try? FileSystem.remove(path) }
        let text = DiagnosticRenderer().render(Diagnostic(.error, "unknown key 'step'", id: .unknownKey, path: path, at: SourceLocation(line: 2, column: 1, offset: 8)))
        #expect(text == "\(path):2:1: error: unknown key 'step'\nstep: []\n^\n")
    }

    @Test("colour only when asked")
    func colour() {
        let plain = DiagnosticRenderer(color: false).render(Diagnostic(.error, "bad", id: .yamlSyntax))
        #expect(plain == "error: bad\n")
        let coloured = DiagnosticRenderer(color: true).render(Diagnostic(.error, "bad", id: .yamlSyntax))
        #expect(coloured.contains("\u{1B}["))
    }

    @Test("of a long list, the first 100 diagnostics are shown and the rest counted in one line")
    func cappedList() {
        let file = SourceFile(path: "p.yaml", text: String(repeating: "a: 1\n", count: 150))
        let problems = (1...150).map { line in
            Diagnostic.error(.duplicateKey, "problem \(line)", in: file, at: SourceLocation(line: line, column: 1, offset: (line - 1) * 5))
        }
        let text = DiagnosticRenderer(sources: [file]).render(problems)
        #expect(text.hasPrefix("p.yaml:1:1: error: problem 1\na: 1\n^\n"))
        #expect(text.hasSuffix("p.yaml:100:1: error: problem 100\na: 1\n^\nnote: and 50 more problems (only the first 100 are shown)\n"))
        #expect(DiagnosticRenderer(sources: [file]).render(Array(problems.prefix(100))).hasSuffix("problem 100\na: 1\n^\n"))
    }

    @Test("50,000 duplicate keys are read and reported in one pass over the file")
    func manyProblems() throws {
        // Each diagnostic's source line once took a scan from the start of the file: 50,000 of them
        // took minutes. No time is asserted: a return at all, within the suite, is the test.
        let count = 50_000
        let file = SourceFile(path: "big.yaml", text: "key: 0\n" + String(repeating: "key: 1\n", count: count))
        var problems: [Diagnostic] = []
        _ = try YAMLParser(file: file).parse(recovering: &problems)
        #expect(problems.count == count)
        #expect(problems.last?.location?.line == count + 1)
        let renderer = DiagnosticRenderer(sources: [file])
        let all = problems.map { renderer.render($0) }
        #expect(all.last == "big.yaml:50001:1: error: duplicate key 'key' (first defined at line 1, column 1)\nkey: 1\n^\n")
        #expect(renderer.render(problems).hasSuffix("note: and 49900 more problems (only the first 100 are shown)\n"))
    }

    @Test("suggestions find near names only")
    func suggestions() {
        #expect(Suggestion.closest(to: "paramters", in: ["parameters", "action"]) == "parameters")
        #expect(Suggestion.closest(to: "shel", in: ["shell", "log"]) == "shell")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["shell", "log"]) == nil)
    }

    @Test("one suggestion rule: a name cut short first, then the fewest edits, ties alphabetical")
    func suggestionRule() {
        #expect(Suggestion.closest(to: "tim", in: ["tie", "timeout"]) == "timeout")
        #expect(Suggestion.closest(to: "lgo", in: ["log", "lag"]) == "log")
        #expect(Suggestion.closest(to: "stauts", in: ["stdout", "status"]) == "status")
        #expect(Suggestion.closest(to: "NOPE", in: ["PWD", "HOME", "HOPE"]) == "HOPE")
        #expect(Suggestion.closest(to: "std", in: ["stdout", "stderr"]) == "stderr")
        #expect(Suggestion.closest(to: "std", in: ["stderr", "stdout"]) == "stderr")
        #expect(Suggestion.closest(to: "ab", in: ["cd"]) == nil)
        #expect(Suggestion.closest(to: "", in: ["a"]) == nil)
        #expect(Suggestion.closest(to: "chnagelogs", in: ["changelog"]) == "changelog")
        #expect(Suggestion.hint(for: "comand", in: ["command"]) == "; did you mean 'command'?")
    }
}
