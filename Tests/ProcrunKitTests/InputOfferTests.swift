@testable import ProcrunKit
@testable import ProcrunMemory
@testable import ProcrunRuntime
import Testing

/// ``InputOffer``: the values of a prompt recording offered as inputs, and naming them.
@Suite("input offer")
struct InputOfferTests {
    /// The draft of a prompt recording of `commands`.
    static func draft(_ commands: [String]) throws -> ProcedureDraft {
        var recorder = Recorder(name: "r", description: "d")
        for command in commands { recorder.record(.shell(command, output: "", exitCode: 0, durationMilliseconds: 1)) }
        return try #require(recorder.draft())
    }

    static func command(_ draft: ProcedureDraft, _ index: Int) -> String {
        guard case .text(let parts)? = draft.steps[index].parameters.first(where: { $0.name == "command" })?.value else { return "" }
        return RedactedPart.template(of: parts)
    }

    @Test("versions, numbers other than 0 and 1, and words two different commands use are offered, in order")
    func candidates() throws {
        let draft = try Self.draft([
            "git tag v1.4.2",
            "tar czf release-1.4.2.tar.gz build 2>&1",
            "sleep 0 && sleep 1 && sleep 5",
            "curl -o out.json http://localhost:8080/api --retry=3",
            "docker build -t myapp . && docker run myapp",
            "jq . out.json",
            "make calc && make calc",
            "echo 2026-11-25 python3.11 x64 -j4 1.5",
        ])
        let offer = InputOffer(draft: draft)
        let found = offer.candidates.map { "\($0.value) \($0.steps)" }
        #expect(found == ["v1.4.2 [0]", "1.4.2 [1]", "5 [2]", "8080 [3]", "3 [3]", "out.json [3, 5]", "1.5 [7]"])
        #expect(offer.candidates.map(\.kind) == [.version, .version, .number, .number, .number, .word, .version])
    }

    @Test("naming replaces the value where it stands as a whole, and declares the input")
    func naming() throws {
        var draft = try Self.draft(["git tag v1.4.2", "echo \"released v1.4.2 as v1.4.2x\" && echo v1.4.20"])
        let offer = InputOffer(draft: draft)
        let named = try offer.names(from: "version=1", taken: [])
        #expect(offer.apply(named, to: &draft).isEmpty)
        #expect(Self.command(draft, 0) == "git tag {{ inputs.version }}")
        #expect(Self.command(draft, 1) == "echo \"released {{ inputs.version }} as v1.4.2x\" && echo v1.4.20")
        #expect(draft.learnedInputs == [LearnedInput(name: "version", type: "string", defaultValue: "v1.4.2", description: "recorded value")])
    }

    @Test("a value where the shell-safety rules refuse one stays literal there, with a warning")
    func refused() throws {
        var draft = try Self.draft(["echo v2.0.1", "python3 -c 'print(\"v2.0.1\")'", "sh -c 'echo v2.0.1' && echo $(( 7 + 7 ))", "echo 7"])
        let offer = InputOffer(draft: draft)
        #expect(offer.candidates.map(\.value) == ["v2.0.1", "7"])
        let warnings = offer.apply(try offer.names(from: "version=1, n=2", taken: []), to: &draft)
        #expect(warnings.map(\.step) == [1, 2, 2, 2])
        #expect(warnings[0].reason == "a templated value here would run as code: 'python3 -c' runs this word as code")
        #expect(warnings[1].reason == "a templated value here would run as code: 'sh -c' runs this word as a shell script")
        #expect(warnings[2].reason.hasPrefix("a templated value inside arithmetic") && warnings[3] == warnings[2])
        #expect(Self.command(draft, 2) == "sh -c 'echo v2.0.1' && echo $(( 7 + 7 ))")
        #expect(Self.command(draft, 0) == "echo {{ inputs.version }}")
        #expect(Self.command(draft, 1) == "python3 -c 'print(\"v2.0.1\")'")
        #expect(Self.command(draft, 3) == "echo {{ inputs.n }}")
        #expect(draft.learnedInputs.map(\.name) == ["version", "n"])
    }

    @Test("answers are NAME=N pairs; anything else is refused with the reason")
    func answers() throws {
        let offer = InputOffer(draft: try Self.draft(["git tag v1.4.2", "sleep 30"]))
        #expect(try offer.names(from: "", taken: []).isEmpty)
        #expect(try offer.names(from: " version=1,  wait=2 ", taken: []).map(\.name) == ["version", "wait"])
        let bad: [(String, String)] = [
            ("version", "expected NAME=N, found 'version'"),
            ("9v=1", "expected an input name of letters, digits and '_' starting with a letter, found '9v'"),
            ("my-version=1", "expected an input name of letters, digits and '_' starting with a letter, found 'my-version'"),
            ("version=3", "expected the number of a value, 1 to 2, found '3' for version"),
            ("version=1 version=2", "the name 'version' is already used; choose another"),
            ("token=1", "the name 'token' is already used; choose another"),
            ("a=1 b=1", "value 1 is named twice ('a' and 'b')"),
        ]
        for (answer, message) in bad {
            #expect(throws: InputOffer.Problem(message: message)) { try offer.names(from: answer, taken: ["token"]) }
        }
    }
}
