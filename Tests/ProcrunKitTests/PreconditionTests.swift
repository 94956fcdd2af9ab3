@testable import ProcrunLanguage
@testable import ProcrunText
import Testing

/// `precondition:` (grammar.md, "Preconditions"): read from a procedure and a step, checked
/// before the run as `when` and a `shell` step's command are.
@Suite("preconditions")
struct PreconditionTests {
    @Test("a bare expression, or a list of expressions, {that, message} and {sh, message}, in order, each at its entry")
    func reads() throws {
        let procedure = try ProcedureLoaderTests.load("""
            name: p
            inputs: {env: {default: dev}}
            precondition:
              - inputs.env != ""
              - {that: 'inputs.env == "dev"', message: "not {{ inputs.env }}"}
              - {sh: 'test -w {{ inputs.env }}'}
            steps:
              - action: log
                parameters: {message: hi}
                precondition: vars.ready
              - {action: log, parameters: {message: hi}}
            vars:
              ready: true

            """)
        #expect(procedure.preconditions.map(\.kind) == ["that", "that", "sh"])
        #expect(procedure.preconditions.map(\.text) == [#"inputs.env != """#, #"inputs.env == "dev""#, "test -w {{ inputs.env }}"])
        #expect(procedure.preconditions.map { $0.message?.text } == [nil, "not {{ inputs.env }}", nil])
        #expect(procedure.preconditions.map(\.location.line) == [4, 5, 6])
        #expect(procedure.preconditions[2].commandLine?.text == "test -w {{ inputs.env }}")
        #expect(procedure.steps[0].preconditions.map(\.shown) == ["that vars.ready"])
        #expect(procedure.steps[1].hasDefaultSettings)
    }

    @Test("an entry with both or neither of 'that' and 'sh', an unknown key, a name that is not there or a non-boolean value is an error at the entry")
    func mistakes() {
        #expect(
            ProcedureLoaderTests.problems("""
                name: p
                precondition:
                  - {that: x, sh: 'true'}
                  - {message: m}
                  - {sh: 'true', text: m}
                  - '"yes"'
                  - steps.later.status == "success"
                steps:
                  - id: later
                    action: log
                    parameters: {message: hi}
                    precondition: [{that: item}]

                """) == [
                    "p.yaml:3:5: an entry of 'precondition' has both 'that' and 'sh'; give one: an expression that must hold, or a command that must succeed",
                    "p.yaml:4:5: an entry of 'precondition' needs 'that' (an expression that must hold) or 'sh' (a command that must succeed)",
                    "p.yaml:5:18: unknown key 'text' in an entry of 'precondition'; did you mean 'that'?",
                    "p.yaml:6:6: a condition must be true or false, but this is a string",
                    "p.yaml:7:5: step 'later' (step 1) has not run yet here; a template can read only earlier steps",
                    "p.yaml:12:27: undefined name 'item'; 'item' is readable only in a step with 'for_each'",
                ])
    }

    @Test("an 'sh' entry's command is held to the shell-safety rules of a shell step's")
    func shellSafety() {
        let problems = ProcedureLoaderTests.problems("""
            name: p
            inputs: {dir: {default: out}}
            precondition: [{sh: 'eval {{ inputs.dir }}'}]
            steps:
              - {action: log, parameters: {message: hi}}

            """)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("p.yaml:3:") == true, "\(problems)")
    }

    @Test("a parallel group takes no precondition; its steps do")
    func group() {
        let problems = ProcedureLoaderTests.problems("""
            name: p
            steps:
              - parallel:
                  steps:
                    - {action: log, parameters: {message: a}, precondition: 'os.name != ""'}
                precondition: 'os.name != ""'

            """)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("p.yaml:6:5: ") == true, "\(problems)")
    }
}
