@testable import ProcrunLanguage
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// Every problem carries a stable identifier that code can compare; positions stay data until the
/// one renderer prints them.
@Suite("diagnostic identifiers")
struct DiagnosticIDTests {
    /// The problems of loading `text` as a procedure file.
    static func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "p.yaml", text: text))
            return []
        } catch {
            return error.diagnostics
        }
    }

    static let step = "name: p\nsteps:\n  - action: log\n    parameters: {message: hi}\n"

    /// One broken file for each identifier the loader raises, with the identifiers expected, in order.
    static let cases: [(text: String, ids: [Diagnostic.ID])] = [
        ("", [.emptyDocument]),
        ("# nothing yet\n", [.emptyDocument]),
        ("---\n", [.emptyDocument]),
        ("a: b: c\n", [.yamlSyntax]),
        ("a: 'open\n", [.unclosedQuote]),
        ("<<<<<<< HEAD\nname: a\n=======\nname: b\n>>>>>>> other\n", [.mergeConflict]),
        (step + "name: q\n", [.duplicateKey]),
        ("name: a\nname: b\n", [.missingKey, .duplicateKey]),
        ("name: a\n---\nname: b\n", [.multipleDocuments]),
        ("name: !!python/object x\n", [.tagNotAllowed]),
        ("name: !!int x\n", [.tagMismatch]),
        ("? [name]\n: x\n", [.nonStringKey]),
        ("name: *nothing\n", [.unknownAlias]),
        ("name: p\n", [.missingKey]),
        ("name: p\nstpes: []\n", [.unknownKey]),
        ("name: p\nsteps: {}\n", [.expectedList]),
        ("name: p\nsteps: []\n", [.emptyValue]),
        ("name: two words\nsteps:\n  - action: log\n    parameters: {message: hi}\n", [.invalidName]),
        ("name: p\nversion: 1.5\nsteps:\n  - action: log\n    parameters: {message: hi}\n", [.expectedInteger]),
        ("name: p\nsteps:\n  - action: shel\n    parameters: {command: ls}\n", [.unknownAction]),
        ("name: p\nsteps:\n  - action: shell\n    parameters: {comand: ls}\n", [.unknownParameter]),
        ("name: p\nsteps:\n  - action: shell\n    parameters: {}\n", [.missingParameter]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: hi}\n    timeout: soon\n", [.expectedDuration]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: hi}\n    on_failure: ignore\n", [.invalidValue]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: hi}\n    expect: {matches: \"(\"}\n", [.invalidRegex]),
        ("name: p\nsteps:\n  - id: a\n    action: log\n    parameters: {message: hi}\n  - id: a\n    action: log\n    parameters: {message: hi}\n", [.duplicateStepID]),
        ("name: p\ninputs:\n  n: {type: int}\nsteps:\n  - action: log\n    parameters: {message: hi}\n", [.unknownInputType]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: \"{{ inputs.x }}\"}\n", [.undefinedName]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: \"{{ procedure.name | lowr }}\"}\n", [.unknownFilter]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: \"{{ procedure.version | upper }}\"}\n", [.templateType]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: \"{{ procedure.name\"}\n", [.templateSyntax]),
        ("name: p\nsteps:\n  - action: log\n    parameters: {message: hi}\n    when: procedure.name\n", [.conditionNotBoolean]),
        (step + "stats: {execution_count: -1}\n", [.statsInvalid]),
    ]

    @Test("each kind of problem has its identifier", arguments: cases.indices)
    func identifiers(index: Int) {
        let (text, ids) = Self.cases[index]
        #expect(Self.problems(text).map(\.id) == ids, "for:\n\(text)")
    }

    @Test("a reference leading out of the library has its own id, apart from a name that leads nowhere")
    func outsideLibrary() {
        let index = ProcedureIndex(root: "/nonexistent")
        func id(_ reference: String) -> Diagnostic.ID? {
            if case .refused(let problem) = index.resolve(reference) { problem.id } else { nil }
        }
        #expect(id("../x.yaml") == .outsideLibrary)
        #expect(id("/etc/x.yaml") == .outsideLibrary)
        #expect(id("nosuch") == .procedureReference)
        #expect(id("nosuch.yaml") == .procedureReference)
        if case .refused(let problem) = index.resolve(file: "/etc/hostname") { #expect(problem.id == .outsideLibrary) } else { Issue.record("/etc/hostname resolved") }
    }

    @Test("what a run is given for its inputs has its own id, apart from what a step passes to a procedure it calls")
    func invalidInput() throws {
        let procedure = try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "p.yaml", text: """
            name: p
            inputs:
              n: {type: integer, required: true}
              env: {type: string, allowed: [staging, production]}
            steps:
              - action: log
                parameters: {message: "{{ inputs.n }}"}
            """))
        do {
            _ = try InputBinder.bind([("nope", "1")], values: ["env": "prod"], to: procedure)
            Issue.record("expected problems")
        } catch {
            #expect(error.diagnostics.map(\.id) == [.invalidInput, .invalidInput, .invalidInput])
        }
    }

    @Test("identifiers are stable text, compared as values")
    func stableText() {
        #expect(Diagnostic.ID.unknownAction.rawValue == "unknown-action")
        #expect(Diagnostic.ID.mergeConflict.description == "merge-conflict")
        #expect(Diagnostic.ID("unknown-action") == .unknownAction)
        #expect(Diagnostic.ID(rawValue: "emptied") != .emptyDocument)
        #expect(Diagnostic(.error, "anything", id: Diagnostic.ID("made-up")).id.rawValue == "made-up")
    }

    @Test("the YAML layer says what it found in an empty file, not what was expected; the loader adds that")
    func emptyIsNeutral() throws {
        do {
            _ = try YAMLParser(file: SourceFile(path: "e.yaml", text: "")).parse()
            Issue.record("expected an error")
        } catch {
            #expect(error.id == .emptyDocument)
            #expect(error.message == "the file is empty")
            #expect(error.location == SourceLocation(line: 1, column: 1, offset: 0))
        }
        do {
            _ = try YAMLParser(file: SourceFile(path: "c.yaml", text: "\n\n  # later\n")).parse()
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the file holds only comments")
            #expect(error.location == SourceLocation(line: 3, column: 3, offset: 4))
        }
        #expect(Self.problems("").first?.message == "the file is empty; expected a procedure (a mapping with 'name' and 'steps')")
    }

    @Test("conflict markers are named with their lines, at the first; '=======' alone is not a conflict")
    func conflictMarkers() {
        let file = SourceFile(path: "m.yaml", text: "name: x\n<<<<<<< ours\nsteps: a\n|||||||\n=======\nsteps: b\n>>>>>>> theirs\n")
        let found = SourceScan.conflictMarkers(in: file)
        #expect(found?.message == "unresolved merge conflict markers (lines 2, 4, 5, 7)")
        #expect(found?.location?.line == 2)
        #expect(found?.notes.count == 2)
        #expect(SourceScan.conflictMarkers(in: SourceFile(path: "m.yaml", text: "a: |\n  =======\n  <<<<<<<<\n")) == nil)
    }

    @Test("invisible and look-alike characters are escaped and named; other text is shown as it is")
    func quotedNames() {
        #expect(QuotedName.shown("shell\u{200B}") == "'shell\\u{200B}' (U+200B ZERO WIDTH SPACE is invisible)")
        #expect(QuotedName.shown("\u{455}hell") == "'\\u{0455}hell' (U+0455 CYRILLIC SMALL LETTER DZE looks like 's')")
        #expect(QuotedName.shown("ｓhell") == "'\\u{FF53}hell' (U+FF53 FULLWIDTH LATIN SMALL LETTER S looks like 's')")
        #expect(QuotedName.shown("tab\there") == "'tab\\u{0009}here' (U+0009 is invisible)")
        #expect(QuotedName.shown("café") == "'café'")
        #expect(QuotedName.shown("shell") == "'shell'")
    }

    @Test("a note with a position gets its own place, line and caret; the one-line form keeps every note")
    func positionedNotes() {
        let file = SourceFile(path: "p.yaml", text: "name: p\ndescription: \"open\nsteps: []\n")
        let problem = Diagnostic.error(
            .yamlSyntax, "syntax: found unexpected end of stream", in: file, at: SourceLocation(line: 3, column: 10, offset: 36),
            notes: [.at(SourceLocation(line: 2, column: 14, offset: 21), in: file, "the quote opens here"), "a note with no position"])
        #expect(
            DiagnosticRenderer(sources: [file]).render(problem) == """
                p.yaml:3:10: error: syntax: found unexpected end of stream
                steps: []
                         ^
                p.yaml:2:14: note: the quote opens here
                description: "open
                             ^
                note: a note with no position

                """)
        #expect(
            DiagnosticRenderer.line(problem)
                == "p.yaml:3:10: syntax: found unexpected end of stream (p.yaml:2:14: the quote opens here; a note with no position)")
        #expect(DiagnosticRenderer.position("p.yaml", nil) == "p.yaml")
    }

    @Test("problems are sorted by file and position, those without a position first")
    func sorting() {
        let at = { (line: Int) in SourceLocation(line: line, column: 1, offset: line * 10) }
        let sorted = Diagnostic.sortedByPosition([
            Diagnostic(.error, "b9", id: .yamlSyntax, path: "b", at: at(9)), Diagnostic(.error, "a5", id: .yamlSyntax, path: "a", at: at(5)),
            Diagnostic(.error, "a2", id: .yamlSyntax, path: "a", at: at(2)), Diagnostic(.error, "a", id: .yamlSyntax, path: "a"),
        ])
        #expect(sorted.map(\.message) == ["a", "a2", "a5", "b9"])
    }
}
