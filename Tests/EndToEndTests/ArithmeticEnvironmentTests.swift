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

    func procedure(_ command: String, _ source: Source) -> String {
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
        _ = try folder.write("arith.yaml", procedure(command, source))
        _ = try folder.write("vars.env", "N='\(Self.hostile)'\n")
        let check = try ProcrunBinary.run(["check", "arith.yaml"], in: folder.path)
        let run = try ProcrunBinary.run(["run", "arith.yaml", "--no-learn"], in: folder.path)
        if source == .stepOutput {
            // Its type is known only when the step starts: the step fails before its command runs.
            #expect(check.status == 0, "stderr was:\n\(check.stderr)")
            #expect(run.status == 1)
            #expect(run.stdout.contains("reads the variable 'N' inside arithmetic"), "stdout was:\n\(run.stdout)")
        } else {
            #expect(check.status == 2)
            #expect(check.stderr.contains("error: the command reads the variable 'N' inside arithmetic"), "stderr was:\n\(check.stderr)")
            #expect(run.status == 2)
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
        let output = try ProcrunBinary.run(["run", "ok.yaml", "--no-learn", "--json"], in: folder.path)
        #expect(output.status == 0, "stderr was:\n\(output.stderr)\nstdout was:\n\(output.stdout)")
        #expect(output.stdout.contains(#""outcome":"44 x[$(touch CANARY)] x[$(touch CANARY)] 18""#), "stdout was:\n\(output.stdout)")
        #expect(!folder.exists("CANARY"))
    }
}
