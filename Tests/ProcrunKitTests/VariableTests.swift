@testable import ProcrunLanguage
@testable import ProcrunRuntime
@testable import ProcrunText
import Testing

/// Variables `vars:` declares (grammar.md, "Variables"; issue 27, point 2): read from
/// `procrun.yaml` and a procedure, checked before the run, computed when a step first reads them.
@Suite("variables")
struct VariableTests {
    /// The library of `config` (a `procrun.yaml`'s text) in a scratch folder, or its problems.
    static func library(_ config: String, in folder: ScratchFolder) throws(DiagnosticsError) -> Library {
        let path = (try? folder.write("procrun.yaml", config)) ?? ""
        return try Library.load(config: path, root: folder.path)
    }

    /// The problems of loading `text` as `p.yaml` in `library`, each as its first line prints it.
    static func problems(_ text: String, library: Library = Library(root: ".")) -> [String] {
        do {
            _ = try ProcedureLoader(library: library, environment: ["HOME": "/root"]).load(SourceFile(path: "p.yaml", text: text))
            return []
        } catch {
            return error.diagnostics.map(DiagnosticRenderer.line)
        }
    }

    @Test("the loader reads constants (typed when plain booleans or numbers, else templates) and commands, in file order")
    func reads() throws {
        let procedure = try ProcedureLoader(library: Library(root: "."), environment: [:]).load(
            SourceFile(path: "p.yaml", text: """
                name: p
                vars:
                  n: 3
                  on: true
                  text: "0755"
                  label: "v{{ vars.n }}"
                  version: {sh: "git describe --tags"}
                steps:
                  - {action: log, parameters: {message: "{{ vars.label }} {{ vars.version }} {{ vars.on }} {{ vars.text }}"}}

                """))
        #expect(procedure.variables.map(\.name.value) == ["n", "on", "text", "label", "version"])
        #expect(procedure.variables.map(\.text) == ["3", "true", "0755", "v{{ vars.n }}", "git describe --tags"])
        #expect(procedure.variables.map { $0.commandLine == nil } == [true, true, true, true, false])
        guard case .constant(.typed(let n)) = procedure.variables[0].definition, case .constant(.template) = procedure.variables[2].definition else {
            Issue.record("expected a typed 3 and a template '0755'")
            return
        }
        #expect(n == .integer(3))
        #expect(procedure.variables[3].variablesRead == ["n"])
        #expect(procedure.steps[0].variablesRead(deciding: false) == ["label", "version", "on", "text"])
        #expect(procedure.steps[0].variablesRead(deciding: true).isEmpty)
    }

    @Test("a procedure's variable reads inputs, env, os and those above it; anything else is an error at the read that says why")
    func procedureReads() {
        #expect(
            Self.problems("""
                name: p
                inputs: {who: {default: me}}
                vars:
                  a: "{{ inputs.who }} {{ env.HOME }} {{ os.name }} {{ vars.b }}"
                  b: "{{ steps.one.stdout }}"
                  c: {sh: "echo {{ vars.a }} {{ procedure.name }}"}
                  d: [1]
                steps:
                  - {id: one, action: log, parameters: {message: "{{ vars.c }}"}}

                """) == [
                    "p.yaml:4:56: variable 'a' cannot read 'vars.b', declared below it: a variable reads only the variables declared above it, so variables never form a cycle",
                    "p.yaml:5:10: variable 'b' cannot read 'steps': a variable reads only inputs, env, os and the variables declared above it",
                    "p.yaml:6:33: variable 'c' cannot read 'procedure': a variable reads only inputs, env, os and the variables declared above it",
                    "p.yaml:7:6: expected a string, number, boolean or {sh: COMMAND} for variable 'd', found a list",
                ])
    }

    @Test("a step reads the declared variables; a misspelt one is undefined with a suggestion; a set step may not assign one")
    func stepReads() {
        #expect(
            Self.problems("""
                name: p
                vars:
                  version: "1.0"
                steps:
                  - {action: log, parameters: {message: "{{ vars.versoin }}"}}
                  - {action: set, parameters: {version: "2.0", other: 1}}
                  - {action: log, parameters: {message: "{{ vars.other }} {{ vars.version }}"}}

                """) == [
                    "p.yaml:5:45: undefined name 'vars.versoin'; did you mean 'vars.version'?",
                    "p.yaml:6:32: 'set' cannot assign variable 'version': 'vars' declares it, and a name has one meaning; set another name (p.yaml:3:3: variable 'version' is declared here)",
                ])
    }

    @Test("procrun.yaml's variables read env, os and those above it, never inputs; a procedure's variable of the same name shadows one (its type too)")
    func libraryVariables() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        var problems: [String] = []
        do {
            _ = try Self.library("vars:\n  a: \"{{ inputs.x }}\"\n  b: {sh: \"eval {{ vars.a }}\"}\n", in: folder)
        } catch {
            problems = error.diagnostics.map(DiagnosticRenderer.line).map { $0.replacingOccurrences(folder.path + "/", with: "") }
        }
        #expect(
            problems == [
                "procrun.yaml:2:10: variable 'a' cannot read 'inputs': a variable reads only env, os and the variables declared above it (a variable of procrun.yaml reads no inputs)",
                "procrun.yaml:3:17: a templated value here would run as code: 'eval' runs its operands as shell code; pass it as an argument instead, as in sh -c '... \"$1\"' _ {{ vars.a }}, or write '| raw' to insert it as code knowingly",
            ])
        let library = try Self.library("vars:\n  shared: lib\n  n: 2\n", in: folder)
        #expect(library.variables.map(\.isLibrary) == [true, true])
        #expect(
            Self.problems(
                """
                name: p
                vars:
                  shared: "{{ vars.n }}"
                  own: "{{ vars.shared }}"
                steps:
                  - {action: log, parameters: {message: "{{ vars.own | upper }} {{ vars.n | upper }}"}}

                """, library: library) == ["p.yaml:6:56: filter 'upper' expects a string, found an integer", "p.yaml:6:77: filter 'upper' expects a string, found an integer"])
        #expect(Self.problems("name: p\nvars:\n  shared: \"{{ vars.shared }}\"\nsteps:\n  - {action: log, parameters: {message: x}}\n", library: library) == [
            "p.yaml:3:15: variable 'shared' cannot read itself: a variable reads only the variables declared above it, so variables never form a cycle"
        ])
    }

    @Test("a computed value is kept for the run: a second reader of the same key gets it without computing it again")
    func computedOnce() {
        let computed = ComputedVariables()
        var runs = 0
        let first = computed.value("k") {
            runs += 1
            return .success(.string("1.2.3"))
        }
        let second = computed.value("k") {
            runs += 1
            return .success(.string("other"))
        }
        #expect(runs == 1)
        #expect((try? first.get()) == .string("1.2.3"))
        #expect((try? second.get()) == .string("1.2.3"))
    }

    @Test("a failure quotes the last three lines of standard error that hold something")
    func lastLines() {
        #expect(Interpreter.lastLines(of: "") == "")
        #expect(Interpreter.lastLines(of: "a\n\nb\n  \nc\nd\n") == ": b; c; d")
    }
}
