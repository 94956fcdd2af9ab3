@testable import ProcrunLanguage
@testable import ProcrunMemory
@testable import ProcrunRuntime
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// Random hostile values through every quoting context the grammar allows: each arrives
/// byte-exact or is refused before anything runs, and the canary file is never created.
@Suite("shell values: fuzzed through every context", .serialized)
struct ShellValueFuzzTests {
    /// What a context promises for a value.
    enum Promise: Sendable {
        /// The command prints exactly this.
        case prints(@Sendable (String) -> String)
        /// The value is refused whatever it is.
        case refused
        /// An integer value is computed with (`(n) -> output`); any other is refused.
        case integer(@Sendable (Int) -> String)
    }

    /// A command template (`V` marks each value) and what it promises.
    struct Context: Sendable {
        var name: String
        var template: String
        var promise: Promise
        var shells: [String] = ["/bin/sh", "/bin/bash"]
    }

    static let contexts: [Context] = [
        Context(name: "bare", template: "printf '%s' V", promise: .prints { $0 }),
        Context(name: "double-quoted", template: "printf '%s' \"<V>\"", promise: .prints { "<\($0)>" }),
        Context(name: "single-quoted", template: "printf '%s' '<V>'", promise: .prints { "<\($0)>" }),
        Context(name: "one word, three quotings", template: "printf '%s' a\"V\"'b'V", promise: .prints { "a\($0)b\($0)" }),
        Context(name: "pipeline", template: "printf '%s' V | cat", promise: .prints { $0 }),
        Context(name: "$(...) in double quotes", template: "printf '%s' \"$(printf '%s' V; printf x)\"", promise: .prints { $0 + "x" }),
        Context(name: "quoted value in $(...)", template: "printf '%s' \"$(printf '%s' \"V\"; printf x)\"", promise: .prints { $0 + "x" }),
        Context(name: "backquotes in double quotes", template: "printf '%s' \"`printf '%s' V; printf x`\"", promise: .prints { $0 + "x" }),
        Context(name: "here-document", template: "cat <<EOF\nV $0\nEOF", promise: .prints { $0 + " " + "sh-or-bash" + "\n" }),
        Context(name: "quoted here-document", template: "cat <<'EOF'\nV $HOME `x` \\\nEOF", promise: .prints { $0 + " $HOME `x` \\\n" }),
        Context(name: "here-document with <<-", template: "cat <<-EOF\n\tV\n\tEOF", promise: .prints { $0 + "\n" }),
        Context(name: "comment with an apostrophe", template: "# don't panic\nprintf '%s' V # it's fine", promise: .prints { $0 }),
        Context(name: "assignment", template: "X=V; printf '%s' \"$X\"", promise: .prints { $0 }),
        Context(name: "sh -c argument", template: "sh -c 'printf \"%s\" \"$1\"' _ V", promise: .prints { $0 }),
        Context(name: "bash -c argument, piped", template: "bash -c 'printf \"%s\" \"$1\"' _ V | cat", promise: .prints { $0 }),
        Context(name: "arithmetic", template: "echo $(( V + 1 ))", promise: .integer { "\($0 + 1)\n" }),
        Context(name: "arithmetic command", template: "(( x = V * 2 )); echo $x", promise: .integer { "\($0 * 2)\n" }, shells: ["/bin/bash"]),
        Context(name: "sh -c script", template: "sh -c 'printf %s V'", promise: .refused),
        Context(name: "bash -c script after a pipe", template: "echo | bash -c \"printf %s V\"", promise: .refused),
        Context(name: "eval", template: "eval \"printf %s V\"", promise: .refused),
        Context(name: "piped into sh", template: "printf '%s' V | sh", promise: .refused),
        Context(name: "here-document into sh", template: "sh <<EOF\nprintf %s V\nEOF", promise: .refused),
        Context(name: "ssh remote command", template: "ssh host 'ls V'", promise: .refused),
        Context(name: "find -exec sh -c", template: "find . -exec sh -c 'echo V' \\;", promise: .refused),
        Context(name: "parameter expansion", template: "printf '%s' \"${X:-V}\"", promise: .refused),
    ]

    /// Pieces the values are made of.
    static let pieces = [
        "'", "\"", "$", "`", ";", "|", "&", "\n", "{{", "}}", "{{ inputs.v }}", "\\", "-", "--", "-n", "-e",
        "a[$(touch CANARY)]", "$(touch CANARY)", "`touch CANARY`", "; touch CANARY", "| touch CANARY", "&& touch CANARY",
        " ", "  ", "*", "?", "[a]", "~", "#", "EOF", "\nEOF\n", "\t", "\u{1}", "\u{1b}[2J", "\u{7f}", "\r", "é", "${HOME}",
        "$((1+1))", "%s", "\\n", "'\\''", "x", "abc", "0", "12", "!", "\"$0\"", "$'\\x41'", ")", "(", "}", "{",
    ]

    /// Splits a context's template at each `V`.
    static func parts(_ template: String, _ value: String) -> [RenderedPart] {
        var parts: [RenderedPart] = []
        for (index, text) in template.split(separator: "V", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { parts.append(.value(value)) }
            if !text.isEmpty { parts.append(.text(String(text))) }
        }
        return parts
    }

    /// Runs `count` values through every context; returns how many arrived and how many were refused.
    static func fuzz(count: Int, seed: UInt64) throws -> (arrived: Int, refused: Int) {
        let folder = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-fuzz-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", folder])) }
        var generator = SplitMix64(seed: seed)
        var arrived = 0
        var refused = 0
        for round in 0..<count {
            let value = generator.shellValue()
            for context in contexts {
                let shell = context.shells[round % context.shells.count]
                let plan: ShellPlan
                do {
                    plan = try ShellPlanner.plan(parts(context.template, value))
                } catch {
                    switch context.promise {
                    case .prints: Issue.record("\(context.name): refused \(value.debugDescription): \(error.message)")
                    case .integer: #expect(Int(value).map(String.init) != value, "\(context.name): refused the integer \(value)")
                    case .refused: break
                    }
                    refused += 1
                    continue
                }
                var spec = ProcessSpec(arguments: plan.arguments(shell: shell))
                spec.extraEnvironment = plan.extraEnvironment
                spec.workingDirectory = folder
                spec.timeout = .seconds(10)
                let result = try ProcessRunner.run(spec)
                let expected: String
                switch context.promise {
                case .prints(let output): expected = output(value).replacingOccurrences("sh-or-bash", with: shell)
                case .integer(let output):
                    guard let number = Int(value) else {
                        Issue.record("\(context.name): ran the non-integer \(value.debugDescription)")
                        continue
                    }
                    expected = output(number)
                case .refused:
                    Issue.record("\(context.name): ran \(value.debugDescription)")
                    continue
                }
                #expect(
                    result.stdout.bytes == Array(expected.utf8),
                    "\(context.name) under \(shell): \(value.debugDescription) arrived as \(result.stdout.text.debugDescription); stderr \(result.stderr.text)")
                arrived += 1
                // What --dry-run shows, pasted into the shell, runs the same command (in a
                // here-document a line equal to the delimiter cannot be shown, nor after <<-
                // a line's leading tabs).
                let lines = value.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
                let unshowable = context.template.contains("EOF") && lines.contains { $0.hasSuffix("EOF") || $0.hasPrefix("\t") }
                if round % 3 == 0, !unshowable {
                    spec.arguments = [shell, "-c", try ShellPlanner.display(parts(context.template, value))]
                    spec.extraEnvironment = []
                    let pasted = try ProcessRunner.run(spec)
                    #expect(
                        pasted.stdout.bytes == Array(expected.utf8),
                        "\(context.name) shown for a dry run under \(shell): \(value.debugDescription) ran as \(pasted.stdout.text.debugDescription)")
                }
            }
            #expect(!FileSystem.exists(folder + "/CANARY"), "the canary was created by \(value.debugDescription)")
        }
        return (arrived, refused)
    }

    /// 300 values by default; `PROCRUN_FUZZ=20000` runs a longer one (and prints the figures).
    @Test("random values through 25 contexts under sh and bash: exact or refused, never run")
    func fuzzed() throws {
        let count = FileSystem.environment("PROCRUN_FUZZ").flatMap(Int.init) ?? 300
        let (arrived, refused) = try Self.fuzz(count: count, seed: 0x5EED_2026)
        #expect(arrived > count * 14)
        #expect(refused > count * 7)
        print("shell fuzz: \(count) values, \(arrived) runs byte-exact, \(refused) refused before the run, no canary")
    }

    static let procedure = """
        name: fuzz
        inputs:
          v: {type: string, required: true}
        steps:
          - {id: listed, action: shell, parameters: {command: [printf, "%s", "{{ inputs.v }}"]}}
          - {id: env, action: shell, parameters: {command: "printf '%s' \\"$V\\"", env: {V: "{{ inputs.v }}"}}}
          - {id: stdin, action: shell, parameters: {command: cat, stdin: "{{ inputs.v }}"}}
          - {id: library, action: show, parameters: {value: "{{ inputs.v }}"}}
          - {id: library_quoted, action: show_quoted, parameters: {value: "{{ inputs.v }}"}}
          - {action: write_file, parameters: {path: out.txt, content: "{{ inputs.v }}"}}
          - {id: written, action: shell, parameters: {command: cat out.txt}}
          - {id: set, action: set, parameters: {copy: "{{ inputs.v }}"}}
          - {id: again, action: shell, parameters: {command: "printf '%s' {{ vars.copy }} | cat"}}

        """

    static let library = """
        actions:
          show:
            parameters: {value: {required: true}}
            command: "printf '%s' {{ params.value }}"
          show_quoted:
            parameters: {value: {required: true}}
            command: "printf '%s' \\"{{ params.value }}\\" | cat"

        """

    @Test("random values through a list command, env, stdin, library actions, write_file and set: each exact")
    func fuzzedThroughSteps() throws {
        let folder = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-fuzz-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", folder])) }
        try FileSystem.write(Array(Self.procedure.utf8), to: folder + "/fuzz.yaml")
        try FileSystem.write(Array(Self.library.utf8), to: folder + "/procrun.yaml")
        let library = try Library.discover(forProcedureAt: folder + "/fuzz.yaml")
        let procedure = try CallGraph(library: library).load(path: folder + "/fuzz.yaml")
        var generator = SplitMix64(seed: 0xC0FFEE)
        for _ in 0..<100 {
            let value = generator.shellValue()
            let inputs = try InputBinder.bind([("v", value)], to: procedure)
            let report = Interpreter(procedure: procedure, library: library).run(inputs: inputs)
            #expect(report.success, "\(value.debugDescription): \(report.firstFailure?.error ?? "")")
            // A step's stdout loses one final line ending (grammar.md, Steps).
            var ending = value.unicodeScalars[...]
            if ending.last == "\n" { ending = ending.dropLast() }
            let expected = [String(ending), String(ending.last == "\r" ? ending.dropLast() : ending)]
            for step in report.steps where step.id != nil && step.id != "set" {
                #expect(expected.contains(step.stdout), "\(step.id ?? ""): \(value.debugDescription) arrived as \(step.stdout.debugDescription)")
            }
            #expect(!FileSystem.exists(folder + "/CANARY"), "the canary was created by \(value.debugDescription)")
        }
    }
}

extension SplitMix64 {
    /// A value made of hostile pieces and control characters; one in ten an integer, one in ten empty.
    mutating func shellValue() -> String {
        switch next(below: 10) {
        case 0: return String(next(below: 2000) - 1000)
        case 1: return ""
        default:
            var text = ""
            for _ in 0..<(1 + next(below: 8)) {
                if next(below: 6) == 0 {
                    text.unicodeScalars.append(Unicode.Scalar(UInt8(1 + next(below: 31))))
                } else {
                    text += ShellValueFuzzTests.pieces[next(below: ShellValueFuzzTests.pieces.count)]
                }
            }
            return text
        }
    }
}
