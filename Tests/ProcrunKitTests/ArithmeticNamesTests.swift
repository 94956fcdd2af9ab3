@testable import ProcrunSystem
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// Which variables a command line evaluates as arithmetic, as `ShellPlanner.arithmeticNames` reads them.
@Suite("arithmetic names")
struct ArithmeticNamesTests {
    func names(_ command: String) throws -> Set<String> {
        ShellPlanner.arithmeticNames(in: try Template(parsing: command))
    }

    @Test("every arithmetic place names its variables", arguments: [
        ("echo $(( N + 1 ))", ["N"]),
        ("echo \"$(( $N * COUNT ))\"", ["N", "COUNT"]),
        ("(( N++ ))", ["N"]),
        ("echo $[ N ]", ["N"]),
        ("let \"y = N + 1\"", ["y", "N"]),
        ("if [[ $N -ge 2 && $M == x ]]; then :; fi", ["N"]),
        ("a[N]=1", ["N"]),
        ("echo ${a[$I]}", ["I"]),
        ("echo ${x:OFF:LEN}", ["OFF", "LEN"]),
        ("echo $(( ${N} + 0x1F + 10#7 ))", ["N"]),
        ("sudo bash -c 'echo $(( N ))'", ["N"]),
        ("eval 'let N'", ["N"]),
    ])
    func named(command: String, expected: [String]) throws {
        #expect(try names(command) == Set(expected))
    }

    @Test("data places name nothing", arguments: [
        "echo \"$N\" ${N:-default} ${#N} ${N%%.*}",
        "[[ $N == x ]] && test \"$N\" -eq 1",
        "python3 -c 'print((N))'",
        "echo '$(( N ))'",
        "echo $(( {{ inputs.n }} + 1 ))",
    ])
    func unnamed(command: String) throws {
        #expect(try names(command).isEmpty)
    }
}
