import Foundation
import Testing

/// Values procrun puts in a command's environment (`env`, `.env` files) held to the rule templated
/// values follow: inside arithmetic only an integer, so a value such as `x[$(touch CANARY)]` never
/// runs. Every arithmetic form bash has, through the binary.
@Suite("arithmetic on env values", .serialized)
struct ArithmeticEnvironmentTests {
    /// Commands that evaluate `N` as arithmetic, each run by bash.
    static let arithmeticForms = [
        "echo $(( N + 1 ))",
        "echo $(( $N + 1 ))",
        "echo $(( ${N} + 1 ))",
        "(( N > 0 )) && echo yes",
        "let \"y = N + 1\"; echo $y",
        "let y=$N; echo $y",
        "[[ $N -eq 1 ]] && echo one",
        "[[ N -gt 0 ]] && echo positive",
        "a=(1 2); echo ${a[$N]}",
        "a=(1 2); a[N]=3",
        "x=abcdef; echo ${x:N:2}",
        "echo $[ N + 1 ]",
        "bash -c 'echo $(( N ))'",
        "eval 'echo $(( N ))'",
    ]

    static let hostile = "x[$(touch CANARY)]"

    /// Where the hostile value comes from: each way procrun sets a variable.
    enum Source: String, CaseIterable {
        case procedureEnv, stepEnv, dotenv, stepOutput
    }

    /// What procrun says of a non-integer value read inside arithmetic.
    static let refusal = """
        the command reads the variable 'N' inside arithmetic ('$(( ))', '(( ))', 'let', '[[ -eq ]]', a subscript), where bash \
        evaluates its text as an expression and runs any '$(...)' in it, so a value procrun sets there (env, a .env file) must be \
        an integer: declare the input 'type: integer' or use '| int'
        """

    /// Where procrun points for ``procedure(_:_:)``: at the value it sets when the file gives it,
    /// at the command when a .env file or a step's output does. The line's number, its text and the column.
    static func place(_ command: String, _ source: Source) -> (line: Int, text: String, column: Int) {
        let text = Self.procedure(command, source).split(separator: "\n").map(String.init)
        let line = [Source.procedureEnv: 4, .stepEnv: 6, .dotenv: 5, .stepOutput: 10][source] ?? 0
        let target = source == .dotenv || source == .stepOutput ? "command: '" : "N: '"
        let column = (text[line - 1].firstRange(of: target).map { text[line - 1].distance(from: text[line - 1].startIndex, to: $0.upperBound) } ?? 0) + 1
        return (line, text[line - 1], column)
    }

    static func procedure(_ command: String, _ source: Source) -> String {
        let quoted = "'" + command.replacingOccurrences(of: "'", with: "''") + "'"
        let header = "name: arith\ninputs:\n  n: {type: string, default: '\(Self.hostile)'}\n"
        switch source {
        case .procedureEnv:
            return header + "env: {N: '{{ inputs.n }}'}\nsteps:\n  - action: shell\n    parameters: {shell: /bin/bash, command: \(quoted)}\n"
        case .stepEnv:
            return header + "steps:\n  - action: shell\n    parameters: {shell: /bin/bash, command: \(quoted), env: {N: '{{ inputs.n }}'}}\n"
        case .dotenv:
            return "name: arith\ndotenv: [vars.env]\nsteps:\n  - action: shell\n    parameters: {shell: /bin/bash, command: \(quoted)}\n"
        case .stepOutput:
            return header + """
                steps:
                  - id: a
                    action: shell
                    parameters: {command: "printf '%s' {{ inputs.n }}"}
                    outputs: {v: '{{ result.stdout }}'}
                  - action: shell
                    parameters: {shell: /bin/bash, command: \(quoted), env: {N: '{{ steps.a.outputs.v }}'}}

                """
        }
    }

    @Test("a non-integer env value read inside arithmetic is refused, before the run when check can know it; the canary is never created",
        arguments: arithmeticForms, Source.allCases)
    func refused(command: String, source: Source) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("arith.yaml", Self.procedure(command, source))
        _ = try folder.write("vars.env", "N='\(Self.hostile)'\n")
        let (line, text, column) = Self.place(command, source)
        let refusal = "arith.yaml:\(line):\(column): \(Self.refusal)"
        let caret = String(repeating: " ", count: column - 1) + "^"
        if source == .stepOutput {
            // Its type is known only when the step starts: the step fails before its command runs.
            try ProcrunBinary.expect(["check", "arith.yaml"], in: folder.path, stdout: "ok: arith.yaml: 'arith', 2 steps\n")
            try ProcrunBinary.expect(
                ["run", "arith.yaml", "--no-learn"], in: folder.path, status: 1,
                stdout: """
                    ▶ arith (arith.yaml, 2 steps)
                      1/2 ✓ shell  a   <duration>
                      2/2 ✗ shell  #2  <duration>
                          error: \(refusal); its value is not one
                          \(text)
                          \(caret)
                    ✗ arith failed in <duration>: 1 succeeded, 1 failed; first failure: step 2

                    """, normalizing: [.durations])
        } else {
            let diagnostic = "\(refusal.replacingFirst(": ", with: ": error: "))\n\(text)\n\(caret)\n"
            try ProcrunBinary.expect(["check", "arith.yaml"], in: folder.path, status: 2, stderr: diagnostic + "1 problem found in 1 file\n")
            try ProcrunBinary.expect(["run", "arith.yaml", "--no-learn"], in: folder.path, status: 2, stderr: diagnostic)
        }
        #expect(!folder.exists("CANARY"))
    }

    @Test("the same variable outside arithmetic, or holding an integer, runs as before")
    func allowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("vars.env", "N=41\nTEXT='x[$(touch CANARY)]'\n")
        _ = try folder.write("ok.yaml", """
            name: ok
            dotenv: [vars.env]
            inputs:
              count: {type: integer, default: 2}
            env: {M: '{{ inputs.count }}'}
            steps:
              - action: shell
                parameters: {shell: /bin/bash, command: 'echo $(( N + M + 1 )) "$TEXT" ${TEXT:-none} ${#TEXT}; [[ $TEXT == x* ]] && test "$M" -eq 2'}

            """)
        try ProcrunBinary.expect(["run", "ok.yaml", "--no-learn", "--json"], in: folder.path, stdout: """
            {"procedure":"ok","file":"ok.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,\
            "action":"shell","status":"success","outcome":"44 x[$(touch CANARY)] x[$(touch CANARY)] 18","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(!folder.exists("CANARY"))
    }
}
