import ProcrunKit
import Testing

/// ``InputNaming``: the name and type a recorded value's input gets.
@Suite("input naming")
struct InputNamingTests {
    /// `text` with the range of the last place `value` stands in it.
    func at(_ text: String, _ value: String) -> ([Character], Range<Int>) {
        let characters = Array(text), needle = Array(value)
        let start = (0...(characters.count - needle.count)).last { Array(characters[$0..<($0 + needle.count)]) == needle } ?? 0
        return (characters, start..<(start + needle.count))
    }

    /// The name for `values`, the last of which stands in `text`.
    func name(_ values: [String], in text: String, parameter: String? = nil, taken: Set<String> = []) -> String {
        var names = taken
        return InputNaming.name(values: values, contexts: [at(text, values[values.count - 1])], parameter: parameter, names: &names)
    }

    @Test("a parameter whose name says what it holds names the input")
    func fromParameter() {
        #expect(name(["v1.2", "v1.3"], in: "v1.3", parameter: "tag") == "tag")
        #expect(name(["a b", "c d"], in: "c d", parameter: "release-notes") == "release_notes")
        #expect(name(["2", "3"], in: "3", parameter: "2fa") == "input_2fa")
    }

    @Test("a long flag or a variable names the value given to it")
    func fromFlag() {
        #expect(name(["2", "5"], in: "echo deploy --replicas 5 --env qa") == "replicas")
        #expect(name(["2", "5"], in: "kubectl scale --replicas=5 deploy/web") == "replicas")
        #expect(name(["1.2.0", "1.3.0"], in: "make VERSION=1.3.0") == "version")
        #expect(name(["beta", "stable"], in: "make RELEASE_CHANNEL=stable") == "release_channel")
        #expect(name(["us", "eu"], in: "deploy --target-region eu") == "target_region")
        // A short flag is no name; neither is an option-like word before `=`.
        #expect(name(["us", "eu"], in: "deploy -r eu") == "value")
    }

    @Test("a quoted value is still given to its flag or variable")
    func quotedAfterFlag() {
        #expect(name(["staging", "qa"], in: #"deploy --env "qa""#) == "env")
        #expect(name(["staging", "qa"], in: "deploy --env='qa'") == "env")
        #expect(name(["1.2.0", "1.3.0"], in: #"make RELEASE="1.3.0""#) == "release")
    }

    @Test("the shape of the values names them: version, date, ticket, environment")
    func fromShape() {
        #expect(name(["v1.4.1", "v1.4.2"], in: "git tag v1.4.2") == "version")
        #expect(name(["1.4", "1.10"], in: "echo release 1.10") == "version")
        #expect(name(["2024-01-31", "2024-02-29"], in: "report 2024-02-29") == "date")
        #expect(name(["2024-01", "2025-12"], in: "gzip 2025-12") == "date")
        #expect(name(["PROJ-101", "PROJ-7"], in: "git checkout -b PROJ-7") == "ticket")
        #expect(name(["staging", "production"], in: "deploy production") == "environment")
        #expect(name(["qa", "Prod"], in: "deploy Prod") == "environment")
        // Every value must have the shape.
        #expect(name(["staging", "canary"], in: "deploy canary") == "deploy")
        #expect(name(["1.4", "latest"], in: "pull latest") == "pull")
    }

    @Test("the word just before the value names it, across a few signs")
    func fromWordBefore() {
        #expect(name(["alice", "bob"], in: "ls /home/bob") == "home")
        #expect(name(["alice", "bob"], in: #"{"name": "bob"}"#) == "name")
        #expect(name(["alice", "bob"], in: "bob") == "value")
        // A command separator ends the search; a one-letter word is no name.
        #expect(name(["alice", "bob"], in: "cd x; bob") == "value")
        #expect(name(["alice", "bob"], in: "x/bob") == "value")
    }

    @Test("the order: parameter, then flag, then shape, then word")
    func order() {
        #expect(name(["1.2.0", "1.3.0"], in: "deploy --image-tag 1.3.0", parameter: "tag") == "tag")
        #expect(name(["staging", "qa"], in: "deploy --target qa") == "target")
        #expect(name(["1.2.0", "1.3.0"], in: "release/1.3.0") == "version")
    }

    @Test("names are made unique with _2, _3, and taken")
    func uniqueness() {
        var names: Set<String> = []
        #expect(StepNamer.unique("version", in: &names) == "version")
        #expect(StepNamer.unique("version", in: &names) == "version_2")
        #expect(StepNamer.unique("version", in: &names) == "version_3")
        #expect(names == ["version", "version_2", "version_3"])
        #expect(name(["2", "5"], in: "echo --replicas 5", taken: ["replicas"]) == "replicas_2")
    }

    @Test("types: integers only when written plainly; values keep their text")
    func types() {
        #expect(InputNaming.type(["42", "7", "0", "-3"]) == "integer")
        #expect(InputNaming.type(["1.10", "1.9"]) == "string")
        #expect(InputNaming.type(["007", "8"]) == "string")
        #expect(InputNaming.type(["+1", "2"]) == "string")
        #expect(InputNaming.type(["1e3", "2"]) == "string")
        #expect(InputNaming.type(["1234567890123456789", "2"]) == "string")
        #expect(InputNaming.type(["true", "false"]) == "boolean")
        #expect(InputNaming.type(["true", "1"]) == "string")
        #expect(InputNaming.type(["staging", "qa"]) == "string")
    }

    @Test("a parameter whose whole value is a number or a boolean becomes an input of its own")
    func wholeValue() {
        var names: Set<String> = ["replicas"]
        let replicas = InputNaming.wholeValue("replicas", [.number(3, text: "3"), .number(5, text: "5")], names: &names)
        #expect(replicas == LearnedInput(name: "replicas_2", type: "integer", defaultValue: "5", description: "learned from 2 recordings; values seen: 3, 5"))
        let ratio = InputNaming.wholeValue("ratio", [.number(0.5, text: "0.5"), .number(1, text: "1"), .number(0.5, text: "0.5")], names: &names)
        #expect(ratio?.type == "number")
        #expect(ratio?.description == "learned from 3 recordings; values seen: 0.5, 1")
        #expect(InputNaming.wholeValue("dry", [.boolean(true), .boolean(false)], names: &names)?.type == "boolean")
        #expect(InputNaming.wholeValue("mixed", [.number(1, text: "1"), .string("x")], names: &names) == nil)
    }
}
