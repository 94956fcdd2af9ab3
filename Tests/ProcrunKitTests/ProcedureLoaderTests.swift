import ProcrunKit
import Testing

/// ``ProcedureLoader``: a procedure file becomes a ``Procedure`` whose parts keep where they were
/// written, or every problem of the file is reported at once, each at its line and column.
@Suite("procedure loader")
struct ProcedureLoaderTests {
    /// Loads `text` as the procedure file `p.yaml` of a library with no actions.
    static func load(_ text: String) throws(DiagnosticsError) -> Procedure {
        try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "p.yaml", text: text))
    }

    /// The problems of loading `text`, each as its first line prints it (`p.yaml:LINE:COL: error: ...`).
    static func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.map(DiagnosticRenderer.line)
        }
    }

    @Test("a valid file loads: name, inputs and steps, each step where it was written")
    func loads() throws {
        let procedure = try Self.load(
            """
            name: deploy
            description: Ship the service.
            inputs:
              tag: {type: string, default: latest}
              replicas: {type: integer, required: true}
            steps:
              - id: build
                action: shell
                parameters: {command: "make TAG={{ inputs.tag }}"}
              - action: log
                parameters: {message: "{{ inputs.replicas }} replicas"}
            finally:
              - action: log
                parameters: {message: done}

            """)
        #expect(procedure.name.value == "deploy")
        #expect(procedure.description == "Ship the service.")
        #expect(procedure.inputs.map(\.name) == ["tag", "replicas"])
        #expect(procedure.inputs.map(\.kind) == [.string, .integer])
        #expect(procedure.inputs.map(\.defaultValue) == [.string("latest"), nil])
        #expect(procedure.inputs.map(\.required) == [false, true])
        #expect(procedure.steps.map { $0.id?.value } == ["build", nil])
        #expect(procedure.steps.map(\.action.value) == ["shell", "log"])
        #expect(procedure.steps.map { "\($0.location.line):\($0.location.column)" } == ["7:5", "10:5"])
        #expect(procedure.finally.map(\.action.value) == ["log"])
        #expect(procedure.stepCount == 3)
        #expect(procedure.warnings.isEmpty)
    }

    @Test("every independent problem is reported in one pass, in line order, each at its line and column")
    func everyProblem() {
        let problems = Self.problems(
            """
            name: deploy
            inputs:
              tag: {type: strng}
            steps:
              - id: build
                action: shel
                retries: lots
              - action: log
                parameters: {message: "{{ inputs.tga }}"}
                timout: 5s

            """)
        #expect(
            problems == [
                "p.yaml:3:15: unknown input type 'strng'; expected one of string, integer, number, boolean, list; did you mean 'string'?",
                "p.yaml:6:13: unknown action 'shel'; did you mean 'shell'?",
                "p.yaml:7:14: expected an integer for 'retries', found the string 'lots'",
                "p.yaml:9:31: undefined name 'inputs.tga'; did you mean 'inputs.tag'?",
                "p.yaml:10:5: unknown key 'timout' in step 2; did you mean 'timeout'?",
            ])
    }

    @Test("a template may read only earlier steps: reading a later one is an error at the template")
    func laterStep() {
        #expect(
            Self.problems(
                """
                name: order
                steps:
                  - action: log
                    parameters: {message: "{{ steps.later.outcome }}"}
                  - id: later
                    action: log
                    parameters: {message: hi}

                """) == [
                    "p.yaml:4:31: step 'later' (step 2) has not run yet here; a template can read only earlier steps"
                ])
    }

    @Test("a file that is not a procedure is refused at 1:1, saying what was expected")
    func notAProcedure() {
        #expect(Self.problems("") == ["p.yaml:1:1: the file is empty; expected a procedure (a mapping with 'name' and 'steps')"])
        #expect(Self.problems("- just\n- a list\n").count == 1)
        #expect(Self.problems("name: p\n") == ["p.yaml:1:1: missing required key 'steps' in the procedure"])
    }
}
