@testable import ProcrunSystem
@testable import ProcrunText
import Testing

/// A list value in a command line (issue 27, point 5): spread as words where it stands alone as
/// a word outside quotes, refused anywhere else (``ShellScanner/insertWords(_:at:endsWord:)``).
@Suite("shell planner: lists spread as words")
struct ShellScannerWordsTests {
    /// The problems found before the run in `command`, whose `{{ inputs.args }}` is a list.
    func problems(_ command: String) throws -> [TemplateError] {
        try ShellPlanner.problems(command, list: { $0.description == "inputs.args" })
    }

    @Test("a list standing alone as a word gives a word per item, each data: no splitting, no globbing; an empty list gives no word")
    func spreads() throws {
        #expect(try ShellPlanner.plan([.text("cargo test "), .words(["-v", "a b", "*", "$(touch x)"])]) == .direct(["cargo", "test", "-v", "a b", "*", "$(touch x)"]))
        #expect(try ShellPlanner.plan([.text("cargo test "), .words([]), .text(" --release")]) == .direct(["cargo", "test", "--release"]))
        let plan = try ShellPlanner.plan([.text("cargo test "), .words(["-v", "a b"]), .text(" | cat")])
        #expect(plan.arguments()[2] == #"cargo test "${PROCRUN_V1}" "${PROCRUN_V2}" | cat"#)
        #expect(plan.extraEnvironment.map(\.1) == ["-v", "a b"])
        #expect(try ShellPlanner.plan([.words(["printf", "%s"]), .text(";")]).arguments()[2] == #""${PROCRUN_V1}" "${PROCRUN_V2}";"#)
        #expect(try ShellPlanner.plan([.text("echo $("), .words(["a", "b"]), .text(")")]).arguments()[2] == #"echo $("${PROCRUN_V1}" "${PROCRUN_V2}")"#)
    }

    @Test("a list inside quotes, part of a word, after a redirection or in [[ ]] is refused, before the run and when planned")
    func refused() throws {
        #expect(try problems("cargo test {{ inputs.args }}").isEmpty)
        #expect(try problems("cargo test {{ inputs.args }} | tee log").isEmpty)
        for command in [
            "echo \"{{ inputs.args }}\"", "echo '{{ inputs.args }}'", "echo --flag={{ inputs.args }}", "echo {{ inputs.args }}x",
            "echo > {{ inputs.args }}", "[[ -n {{ inputs.args }} ]]", "echo $(( {{ inputs.args }} ))", "echo {{ inputs.args }}{{ inputs.v }}",
        ] {
            #expect(try problems(command).map(\.problem).contains(.listNotWord), "\(command)")
        }
        #expect(throws: ShellPlanError(offset: 6, message: TemplateProblem.listNotWord.described.message)) {
            try ShellPlanner.plan([.text("echo \""), .words(["a", "b"]), .text("\"")])
        }
    }

    @Test("the code rules read each item as a word: a list cannot carry the script of sh -c")
    func codeRules() throws {
        #expect(try problems("sh -c {{ inputs.args }}").map(\.range.lowerBound) == [6])
        #expect(throws: ShellPlanError.self) { try ShellPlanner.plan([.text("sh -c "), .words(["echo hi"])]) }
        #expect(try ShellPlanner.plan([.text("sh -c 'echo \"$@\"' _ "), .words(["a", "b"])]) == .direct(["sh", "-c", "echo \"$@\"", "_", "a", "b"]))
    }

    @Test("an item of a list-form command that is exactly one template of a list spreads into items; a list inside more text is an error")
    func items() throws {
        let context = RenderContext(roots: ["inputs": .mapping(["args": .list([.string("-v"), .string("a b")]), "v": .string("x")])])
        #expect(try Template(parsing: "{{ inputs.args }}").renderItems(in: context) == ["-v", "a b"])
        #expect(try Template(parsing: "{{ inputs.v }}").renderItems(in: context) == ["x"])
        #expect(try Template(parsing: "--{{ inputs.v }}").renderItems(in: context) == ["--x"])
        #expect(throws: TemplateError(range: 2..<19, .listInItem)) { try Template(parsing: "--{{ inputs.args }}").renderItems(in: context) }
    }
}
