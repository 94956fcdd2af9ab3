@testable import ProcrunKit
@testable import ProcrunLanguage
@testable import ProcrunMemory
@testable import ProcrunRuntime
import Testing

/// ``ValueInference``: the inputs of a task recorded several times, and where they stand.
@Suite("value inference")
struct ValueInferenceTests {
    /// Several recordings of shell commands, lined up and their values named.
    struct Recorded {
        var traces: [[RecordedStep]]
        var columns: [StepAligner.Column]
        var inference: ValueInference

        init(_ commands: [[String]]) {
            traces = commands.map { $0.map { RecordedStep.shell($0, output: "", exitCode: 0, durationMilliseconds: 1) } }
            columns = StepAligner().align(traces)
            inference = ValueInference(columns: columns, traces: traces.count)
            var names = Set<String>()
            inference.name(into: &names)
        }

        /// The inputs as `name type default`.
        var inputs: [String] { inference.inputs.map { "\($0.name) \($0.type) \($0.defaultValue ?? "")" } }

        /// The parts of step `column`'s command as the newest recording that performed it has it.
        func parts(_ column: Int) -> [RedactedPart] {
            let trace = columns[column].steps.keys.max() ?? 0
            return inference.parts(of: columns[column].steps[trace]?.command ?? "", column: column, parameter: "command", trace: trace)
        }

        /// Step `column`'s command as a template.
        func command(_ column: Int) -> String { RedactedPart.template(of: parts(column)) }

        /// Step `column`'s command made safe to run: the template, the variables and the warnings.
        mutating func safe(_ column: Int) -> (command: String, environment: [String], literal: [String]) {
            var environment: [(String, String)] = []
            var literal: [String] = []
            let trace = columns[column].steps.keys.max() ?? 0
            let parts = inference.safeCommand(parts(column), trace: trace, step: column + 1, environment: &environment, literal: &literal)
            return (RedactedPart.template(of: parts), environment.map { "\($0.0)=\($0.1)" }, literal)
        }
    }

    @Test("the same value in several places of a recording is one input")
    func oneInputPerValue() {
        let recorded = Recorded([["grant --users erin,erin"], ["grant --users dave,dave"], ["grant --users carol,carol"]])
        #expect(recorded.inputs == ["users string carol"])
        #expect(recorded.command(0) == "grant --users {{ inputs.users }},{{ inputs.users }}")
        #expect(recorded.inference.inputs.first?.description == "learned from 3 recordings; values seen: erin, dave, carol")
    }

    @Test("a value repeated across steps is one input; a v before it stays in the frame when it also stands alone")
    func acrossSteps() {
        let recorded = Recorded([
            ["make VERSION=1.2.0", "git tag v1.2.0"], ["make VERSION=1.3.0", "git tag v1.3.0"], ["make VERSION=1.3.1", "git tag v1.3.1"],
        ])
        #expect(recorded.inputs == ["version string 1.3.1"])
        #expect(recorded.command(0) == "make VERSION={{ inputs.version }}")
        #expect(recorded.command(1) == "git tag v{{ inputs.version }}")
    }

    @Test("a wide value whose narrow value never stands alone is kept whole")
    func wideValues() {
        let recorded = Recorded([
            ["git tag v1.4.0", "git checkout -b PROJ-101-fix", "report --since 2024-01-31"],
            ["git tag v1.4.1", "git checkout -b PROJ-205-fix", "report --since 2024-02-29"],
        ])
        #expect(recorded.inputs == ["version string v1.4.1", "ticket string PROJ-205", "since string 2024-02-29"])
        #expect(recorded.command(0) == "git tag {{ inputs.version }}")
        #expect(recorded.command(1) == "git checkout -b {{ inputs.ticket }}-fix")
        #expect(recorded.command(2) == "report --since {{ inputs.since }}")
    }

    @Test("a month in a file name stays in the frame when its year is given alone elsewhere")
    func yearAlone() {
        let recorded = Recorded([["export --year 2024", "gzip orders-2024-01.csv"], ["export --year 2025", "gzip orders-2025-01.csv"]])
        #expect(recorded.inputs == ["year integer 2025"])
        #expect(recorded.command(1) == "gzip orders-{{ inputs.year }}-01.csv")
    }

    @Test("values that agree in one recording but not in another are two inputs")
    func twoInputs() {
        let recorded = Recorded([["upgrade --from 1.2 --to 1.3"], ["upgrade --from 1.3 --to 1.4"], ["upgrade --from 1.4 --to 1.5"]])
        #expect(recorded.inputs == ["from string 1.4", "to string 1.5"])
        #expect(recorded.command(0) == "upgrade --from {{ inputs.from }} --to {{ inputs.to }}")
    }

    @Test("a value of several words is one input")
    func multiWord() {
        let recorded = Recorded([["git commit -q --message 'fix rounding in totals'"], ["git commit -q --message 'add csv export'"]])
        #expect(recorded.inputs == ["message string add csv export"])
        #expect(recorded.command(0) == "git commit -q --message '{{ inputs.message }}'")
    }

    @Test("in a step only one recording performed, a known value standing alone is replaced by its input")
    func singleStep() {
        let recorded = Recorded([
            ["git tag v1.4.0", "echo deploy 1.4.0"],
            ["git tag v1.4.1", "echo notify release 1.4.1 of app1.4.1 done", "echo deploy 1.4.1"],
        ])
        #expect(recorded.columns.count == 3)
        #expect(recorded.command(1) == "echo notify release {{ inputs.version }} of app1.4.1 done")
    }

    @Test("a value in a sed script goes through INPUT_NAME, restricted to the safe pattern")
    func sedScript() {
        var recorded = Recorded([
            ["sed -i 's/^version = .*/version = 1.4.0/' setup.cfg"], ["sed -i 's/^version = .*/version = 1.4.1/' setup.cfg"],
            ["sed -i 's/^version = .*/version = 1.5.0/' setup.cfg"],
        ])
        #expect(ValueInference.unsafeParts(recorded.parts(0)) == [1])
        let safe = recorded.safe(0)
        #expect(safe.command == #"sed -i 's/^version = .*/version = '"$INPUT_VERSION"'/' setup.cfg"#)
        #expect(safe.environment == ["INPUT_VERSION=version"])
        #expect(safe.literal == [])
        #expect(recorded.inference.restricted == ["version"])
        #expect(TraceGeneralizer.safePattern == "[A-Za-z0-9._-]+")
    }

    @Test("a value in python3 -c code goes through INPUT_NAME, quoted for its place")
    func pythonCode() {
        var recorded = Recorded([
            [#"python3 -c 'import json; json.dump({"version": "1.4.0"}, open("meta.json", "w"))'"#],
            [#"python3 -c 'import json; json.dump({"version": "1.5.0"}, open("meta.json", "w"))'"#],
        ])
        let safe = recorded.safe(0)
        #expect(safe.command == #"python3 -c 'import json; json.dump({"version": "'"$INPUT_VERSION"'"}, open("meta.json", "w"))'"#)
        #expect(safe.environment == ["INPUT_VERSION=version"])
        #expect(recorded.inference.restricted == ["version"])
        var quoted = Recorded([[#"sh -c "echo release 1.4.0""#], [#"sh -c "echo release 1.5.0""#]])
        #expect(quoted.safe(0).command == #"sh -c "echo release ${INPUT_VERSION}""#)
    }

    @Test("a value in a here-document fed to an interpreter: the quoted delimiter is unquoted when the body allows it")
    func hereDocument() {
        var plain = Recorded([["python3 - <<'EOF'\nprint('1.4.0')\nEOF"], ["python3 - <<'EOF'\nprint('1.5.0')\nEOF"]])
        let safe = plain.safe(0)
        #expect(safe.command == "python3 - <<EOF\nprint('${INPUT_VERSION}')\nEOF")
        #expect(safe.environment == ["INPUT_VERSION=version"])
        var dollar = Recorded([["python3 - <<'EOF'\nprint('1.4.0', '$HOME')\nEOF"], ["python3 - <<'EOF'\nprint('1.5.0', '$HOME')\nEOF"]])
        let literal = dollar.safe(0)
        #expect(literal.command == "python3 - <<'EOF'\nprint('1.5.0', '$HOME')\nEOF")
        #expect(literal.environment == [])
        #expect(literal.literal == ["'1.5.0' in step 1 stays literal: it stands where the command runs text as code, and a here-document cannot read a variable there"])
        #expect(dollar.inference.restricted.isEmpty)
    }

    @Test("a value with a space inside code stays literal, with a warning")
    func spaceInCode() {
        var recorded = Recorded([[#"python3 -c 'print("fix rounding in totals")'"#], [#"python3 -c 'print("add csv export")'"#]])
        let safe = recorded.safe(0)
        #expect(safe.command == #"python3 -c 'print("add csv export")'"#)
        #expect(safe.environment == [])
        #expect(
            safe.literal == [
                "'add csv export' in step 1 stays literal: it stands where the command runs text as code, and not every value seen is made of letters, digits, '.', '_' and '-'"
            ])
        #expect(recorded.inference.restricted.isEmpty)
    }

    @Test("a value outside code is left as a template")
    func outsideCode() {
        var recorded = Recorded([["echo deploy --replicas 2 > out.txt"], ["echo deploy --replicas 5 > out.txt"]])
        let safe = recorded.safe(0)
        #expect(safe.command == "echo deploy --replicas {{ inputs.replicas }} > out.txt")
        #expect(safe.environment == [] && safe.literal == [])
        #expect(recorded.inputs == ["replicas integer 5"])
    }
}
