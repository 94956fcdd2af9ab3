@testable import ProcrunSystem
@testable import ProcrunText
import Testing

/// The shell-safety check without its false alarms (issue 27, point 6): a program is read where a
/// command's first word stands, also after wrappers (``ShellCodeRules/Wrapper``); only the
/// numeric operands of `[[ ]]` are arithmetic; `shell_quote` makes a value one word of a script.
@Suite("shell code rules: wrappers, [[ ]] and shell_quote")
struct ShellCodeRulesWrapperTests {
    /// The offsets of the problems found before the run in `command` (`inputs.n` is an integer).
    func problems(_ command: String) throws -> [Int] {
        try ShellPlanner.problems(command, integer: { $0.description == "inputs.n" }).map(\.range.lowerBound)
    }

    @Test("a code-running program's name given as an argument is not that program", arguments: [
        "cargo watch -x {{ v }}", "gh run watch {{ id }}", "echo sh -c {{ v }}", "git commit -m eval {{ v }}", "printf '%s' bash -c {{ v }}",
        "make test ARGS=sh -c {{ v }}", "grep -e ssh {{ v }}", "docker exec c echo sh -c {{ v }}", "sudo echo eval {{ v }}",
        "X=1 echo sh -c {{ v }}", "command -v sh {{ v }}",
    ])
    func argumentsAreNotPrograms(command: String) throws {
        #expect(try problems(command) == [], "\(command)")
    }

    @Test("the program position stays checked, also after wrappers that run their arguments as a command", arguments: [
        "sh -c {{ v }}", "sudo -u root sh -c {{ v }}", "sudo -- bash -c {{ v }}", "env -u B A=1 bash -c {{ v }}", "env -i PATH=/bin sh -c {{ v }}",
        "nice -n 5 eval {{ v }}", "nice -10 sh -c {{ v }}", "nohup sh -c {{ v }}", "timeout 5 sh -c {{ v }}", "timeout -s KILL -k 1 5s python3 -c {{ v }}",
        "time sh -c {{ v }}", "time -p sh -c {{ v }}", "exec -a x sh -c {{ v }}", "command sh -c {{ v }}", "xargs -I{} sh -c {{ v }}",
        "xargs -n 1 -P 4 sh -c {{ v }}", "find . -name x -exec sh -c {{ v }} \\;", "find . -execdir sudo sh -c {{ v }} +",
        "docker exec c sh -c {{ v }}", "docker exec -u root -w /app c sh -c {{ v }}", "podman exec -it c bash -c {{ v }}",
        "kubectl exec p -c x -- sh -c {{ v }}", "ssh host {{ v }}", "ssh -p 22 host deploy {{ v }}", "if sh -c {{ v }}; then :; fi",
        "! eval {{ v }}", "X=1 sh -c {{ v }}", "sudo env X=1 nice timeout 3 sh -c {{ v }}", "watch -n 5 {{ v }}", "stdbuf -oL sh -c {{ v }}",
        "chroot /srv sh -c {{ v }}", "flock /tmp/l sh -c {{ v }}", "flock -c {{ v }} /tmp/l", "setsid bash -c {{ v }}", "awk {{ v }} file",
    ])
    func programsStayChecked(command: String) throws {
        #expect(try problems(command).count == 1, "\(command)")
    }

    @Test("in [[ ]], only the operands of -eq, -ne, -lt, -le, -gt and -ge are arithmetic; ==, !=, =~, =, -z, -n, -f take any text")
    func doubleBracket() throws {
        for command in [
            "[[ {{ v }} = windows-* ]]", "[[ $X == {{ v }} ]]", "[[ {{ v }} != a ]]", "[[ {{ v }} =~ ^a ]]", "[[ -z {{ v }} ]]", "[[ -n {{ v }} ]]",
            "[[ -f {{ v }} ]]", "[[ {{ v }} ]]", "[[ {{ v }} < b ]]", "[[ {{ inputs.n }} -eq 1 ]] && [[ {{ v }} == x ]]",
        ] {
            #expect(try problems(command) == [], "\(command)")
        }
        for command in ["[[ {{ v }} -eq 1 ]]", "[[ 1 -ne {{ v }} ]]", "[[ $X -lt {{ v }} ]]", "[[ {{ v }} -ge 0 && -n x ]]", "[[ ${a[{{ v }}]} == x ]]"] {
            #expect(try problems(command).count == 1, "\(command)")
        }
        #expect(try problems("[[ {{ inputs.n }} -gt 3 ]]") == [])
        #expect(throws: ShellPlanError.self) { try ShellPlanner.plan([.text("[[ "), .value("a[$(touch x)]"), .text(" -eq 1 ]]")]) }
        #expect(try ShellPlanner.plan([.text("[[ "), .value("a[$(touch x)]"), .text(" == x ]]")]).arguments()[2] == #"[[ "${PROCRUN_V1}" == x ]]"#)
    }

    @Test("shell_quote as the last filter makes a value one word of the script a POSIX shell runs, where it stands alone as a word outside quotes there")
    func shellQuote() throws {
        for command in [
            "ssh host \"deploy {{ v | shell_quote }}\"", "ssh host deploy {{ v | shell_quote }}", "docker exec c sh -c \"ls {{ dir | shell_quote }}\"",
            "sh -c 'ls -- '{{ v | shell_quote }}", "eval \"ls {{ v | shell_quote }} {{ w | shell_quote }}\"", "sudo sh -c \"rm {{ v | shell_quote }}; ls\"",
        ] {
            #expect(try problems(command) == [], "\(command)")
        }
        let misplaced = try Template(parsing: "ssh host \"deploy '{{ v | shell_quote }}'\"")
        #expect(ShellPlanner.problems(in: misplaced) { _ in false }.map(\.problem) == [.shellQuoteNotWord])
        for command in [
            "ssh host \"deploy x{{ v | shell_quote }}\"", "sh -c \"echo \\\"{{ v | shell_quote }}\\\"\"", "sh -c \"echo $(( {{ v | shell_quote }} ))\"",
        ] {
            #expect(try problems(command).count == 1, "\(command)")
        }
        // Not the last filter, not a POSIX shell's script, or another program's code: refused as before.
        for command in [
            "ssh host \"deploy {{ v | shell_quote | trim }}\"", "python3 -c {{ v | shell_quote }}", "fish -c \"echo {{ v | shell_quote }}\"",
            "sh -c \"echo $(printf {{ v | shell_quote }})\"",
        ] {
            #expect(try problems(command).count == 1, "\(command)")
        }
        let items = try ["ssh", "host", "deploy {{ v | shell_quote }}", "x"].map { try Template(parsing: $0) }
        #expect(ShellPlanner.problems(inArguments: items).isEmpty)
        let quoted = try ["sh", "-c", "echo '{{ v | shell_quote }}'"].map { try Template(parsing: $0) }
        #expect(ShellPlanner.problems(inArguments: quoted).map(\.error.problem) == [.shellQuoteNotWord])
    }

    @Test("shell_quote writes any value as one single-quoted POSIX word")
    func quoting() {
        #expect(ShellQuote.singleQuoted("it's") == #"'it'\''s'"#)
        #expect(ShellQuote.singleQuoted("") == "''")
        #expect(ShellQuote.singleQuoted("a\nb $(x)") == "'a\nb $(x)'")
    }
}
