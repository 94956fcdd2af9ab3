import ProcrunKit
import Testing

@Suite("generalizing several recordings")
struct TraceGeneralizerTests {
    func recording(_ steps: [RecordedStep]) -> Recorder {
        var recorder = Recorder(name: "task", description: "a task")
        for step in steps { recorder.record(step) }
        return recorder
    }

    @Test("differing values become typed inputs; shared affixes stay around them; equal values stay literal")
    func inputs() throws {
        let traces = [
            recording([RecordedStep(action: "push", parameters: ["image": "registry/app:v1.2-rc", "retries": "3", "ratio": "0.5", "zone": "eu"])]),
            recording([RecordedStep(action: "push", parameters: ["image": "registry/app:v1.3-rc", "retries": "5", "ratio": "1", "zone": "eu"])]),
        ]
        let outcome = try #require(TraceGeneralizer().generalize(traces, as: traces[0]))
        let inputs = outcome.draft.learnedInputs.map { "\($0.name) \($0.type) \($0.defaultValue ?? "")" }
        #expect(inputs == ["image string v1.3", "ratio string 1", "retries integer 5"])
        let text = ProcedureWriter.text(outcome.draft)
        #expect(text.contains("image: 'registry/app:{{ inputs.image }}-rc'"))
        #expect(text.contains("zone: eu"))
    }

    @Test("steps are aligned by action and parameter names; a step done later in one recording is the same step; an unmatched step is optional")
    func alignment() throws {
        let a = recording([RecordedStep(action: "test"), RecordedStep(action: "build", parameters: ["x": "1"]), RecordedStep(action: "ship")])
        let b = recording([RecordedStep(action: "lint"), RecordedStep(action: "test"), RecordedStep(action: "build", parameters: ["x": "2"]), RecordedStep(action: "ship")])
        let c = recording([RecordedStep(action: "test"), RecordedStep(action: "build", parameters: ["y": "2"]), RecordedStep(action: "ship"), RecordedStep(action: "build", parameters: ["x": "3"])])
        let outcome = try #require(TraceGeneralizer().generalize([a, b, c], as: a))
        #expect(outcome.draft.steps.map(\.action) == ["test", "build", "ship"])
        #expect(Set(outcome.optionalSteps.map(\.action)) == ["lint", "build"])
        let kept = try #require(TraceGeneralizer(keepOptional: true).generalize([a, b], as: a))
        #expect(kept.draft.steps.map(\.action) == ["lint", "test", "build", "ship"])
        #expect(kept.draft.steps[0].when == "inputs.include_lint")
        #expect(TraceGeneralizer().generalize([recording([RecordedStep(action: "x", succeeded: false)])], as: a) == nil)
    }
}

@Suite("generalizing several recordings: values inside code")
struct TraceGeneralizerCodeTests {
    func recording(_ commands: [String]) -> Recorder {
        var recorder = Recorder(name: "bump", description: "Set the version.")
        for command in commands { recorder.record(.shell(command, output: "", exitCode: 0, durationMilliseconds: 5)) }
        return recorder
    }

    @Test("an input spliced into code gets the safe pattern and the step its INPUT_ variable; a value with a space stays literal")
    func code() throws {
        let traces = ["1.4.0", "1.4.1"].enumerated().map { index, version in
            recording([
                "sed -i 's/^version = .*/version = \(version)/' setup.cfg", "echo \(version) > VERSION",
                #"python3 -c 'print("\#(["fix rounding in totals", "add csv export"][index])")'"#,
            ])
        }
        let outcome = try #require(TraceGeneralizer().generalize(traces, as: traces[0], at: "2026-12-01T10:00:00Z"))
        #expect(
            outcome.literalValues == [
                "'add csv export' in step 3 stays literal: it stands where the command runs text as code, and not every value seen is made of letters, digits, '.', '_' and '-'"
            ])
        #expect(
            ProcedureWriter.text(outcome.draft) == """
                name: bump
                description: Set the version.
                version: 1

                inputs:
                  version:
                    type: string
                    default: '1.4.1'
                    description: 'learned from 2 recordings; values seen: 1.4.0, 1.4.1'
                    pattern: '[A-Za-z0-9._-]+'

                steps:
                  - id: sed
                    action: shell
                    parameters:
                      command: "sed -i 's/^version = .*/version = '\\"$INPUT_VERSION\\"'/' setup.cfg"
                      env:
                        INPUT_VERSION: '{{ inputs.version }}'
                    expect:
                      exit_code: 0

                  - id: echo
                    action: shell
                    parameters:
                      command: 'echo {{ inputs.version }} > VERSION'
                    expect:
                      exit_code: 0

                  - id: python3
                    action: shell
                    parameters:
                      command: "python3 -c 'print(\\"add csv export\\")'"
                    expect:
                      exit_code: 0

                stats:
                  execution_count: 1
                  successes: 1
                  failures: 0
                  success_rate: 1.000
                  total_duration_ms: 15
                  avg_duration_ms: 15
                  last_executed: "2026-12-01T10:00:00Z"

                """)
    }
}
