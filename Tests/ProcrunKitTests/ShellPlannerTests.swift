@testable import ProcrunSystem
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// How `ShellPlanner` reads a command line: the direct fast path, the script, the dry-run text,
/// and the places where a value is refused.
@Suite("shell planner")
struct ShellPlannerTests {
    /// The errors found before the run in a command template, as `offset: message start`.
    func problems(_ command: String, integers: Bool = false) throws -> [Int] {
        let template = try Template(parsing: command)
        return ShellPlanner.problems(in: template) { _ in integers }.map(\.range.lowerBound)
    }

    @Test("every program the code rules know is found by name in a command's text (a bit filter passes each one), after a path, between quotes and operators; other words are not")
    func programNamesFound() {
        for name in ShellCodeRules.programs.keys.sorted() + ["let"] {
            #expect(ShellPlanner.findsProgramOrSyntax("x | /usr/bin/\(name) '", syntax: false), "\(name)")
            #expect(ShellPlanner.findsProgramOrSyntax(name, syntax: false), "\(name)")
        }
        #expect(!ShellPlanner.findsProgramOrSyntax("echo \"step 1 of ", syntax: false))
        #expect(!ShellPlanner.findsProgramOrSyntax("bashful shx lets", syntax: false))
        #expect(ShellPlanner.findsProgramOrSyntax("echo $HOME", syntax: true))
        #expect(!ShellPlanner.findsProgramOrSyntax("echo $HOME", syntax: false))
    }

    @Test("a command without shell syntax is run directly, each value inside its word")
    func directFastPath() throws {
        #expect(try ShellPlanner.plan([.text("git tag "), .value("v1; rm -rf /"), .text(" -m 'a b'")]) == .direct(["git", "tag", "v1; rm -rf /", "-m", "a b"]))
        #expect(try ShellPlanner.plan([.text("echo hi")]) == .direct(["echo", "hi"]))
    }

    @Test("each value becomes a variable reference quoted for where it stands")
    func scriptReferences() throws {
        let plan = try ShellPlanner.plan([
            .text("printf %s "), .value("a"), .text(" \""), .value("b"), .text("\" '"), .value("c"), .text("' \"$(echo "), .value("d"),
            .text(")\" | cat"),
        ])
        #expect(
            plan.arguments() == [
                "/bin/sh", "-c",
                #"printf %s "${PROCRUN_V1}" "${PROCRUN_V2}" ''"${PROCRUN_V3}"'' "$(echo "${PROCRUN_V4}")" | cat"#,
            ])
    }

    @Test("a comment may hold an apostrophe; a here-document's body is not code")
    func commentsAndHereDocuments() throws {
        #expect(throws: Never.self) { try ShellPlanner.plan([.text("# don't panic\necho hi")]) }
        let plan = try ShellPlanner.plan([.text("cat <<'EOF'\nit's $HOME \\ "), .value("v"), .text("\nEOF\necho done")])
        #expect(plan.arguments()[2] == "cat <<EOF\nit's \\$HOME \\\\ ${PROCRUN_V1}\nEOF\necho done")
    }

    @Test("an unterminated quote is still an error, at the quote")
    func unterminatedQuote() {
        #expect(throws: ShellPlanError(offset: 5, message: "unterminated single quote")) { try ShellPlanner.plan([.text("echo 'a")]) }
    }

    @Test("values inside arithmetic must be integers, wherever the arithmetic is")
    func arithmetic() throws {
        #expect(try problems("echo $(( {{ inputs.n }} + 1 ))") == [9])
        #expect(try problems("(( x = {{ inputs.n }} ))") == [7])
        #expect(try problems("let x={{ inputs.n }}") == [6])
        #expect(try problems("[[ {{ inputs.n }} -eq 1 ]]") == [3])
        #expect(try problems("a[{{ inputs.n }}]=1; echo ${a[@]}") == [2])
        #expect(try problems("echo $(( {{ inputs.n }} + 1 ))", integers: true) == [])
        #expect(try problems("[ {{ inputs.n }} -eq 1 ] && echo \"$(( 1 ))\" {{ inputs.n }}") == [])
        #expect(throws: ShellPlanError.self) { try ShellPlanner.plan([.text("echo $(( "), .value("a[$(touch x)]"), .text(" ))")]) }
        #expect(throws: ShellPlanError.self) { try ShellPlanner.plan([.text("echo $(( "), .value("012"), .text(" ))")]) }
        #expect(try ShellPlanner.plan([.text("echo $(( "), .value("-12"), .text(" ))")]).arguments()[2] == "echo $(( ${PROCRUN_V1} ))")
    }

    @Test("values where a program runs the word as code are refused; as its arguments they are data")
    func nestedCode() throws {
        #expect(try problems("sh -c 'echo {{ inputs.v }}'") == [12])
        #expect(try problems("sudo -u app bash -ec \"echo {{ inputs.v }}\"") == [27])
        #expect(try problems("python3 -c 'print({{ inputs.v }})'") == [18])
        #expect(try problems("awk '{ print \"{{ inputs.v }}\" }' file") == [14])
        #expect(try problems("trap 'rm {{ inputs.v }}' EXIT") == [9])
        #expect(try problems("ssh -o {{ inputs.v }} host") == [7])
        #expect(try problems("eval \"$(printf %s {{ inputs.v }})\"") == [18])
        #expect(try problems("cat <<EOF | sh\necho {{ inputs.v }}\nEOF") == [20])
        #expect(try problems("bash <<< {{ inputs.v }}") == [9])
        #expect(try problems("sh -c 'echo \"$1\"' _ {{ inputs.v }}") == [])
        #expect(try problems("ssh {{ inputs.v }} uptime") == [])
        #expect(try problems("awk -v x={{ inputs.v }} '{ print x }' file") == [])
        #expect(try problems("printf %s {{ inputs.v }} | grep x | cat") == [])
        #expect(try problems("echo {{ inputs.v | raw }} | sh") == [])
    }

    @Test("a value given to ssh as its host may not start with '-', where ssh would take it as an option")
    func sshHost() throws {
        #expect(throws: ShellPlanError.self) { try ShellPlanner.plan([.text("ssh "), .value("-oProxyCommand=touch x"), .text(" uptime")]) }
        #expect(try ShellPlanner.plan([.text("ssh "), .value("deploy@host"), .text(" uptime")]) == .direct(["ssh", "deploy@host", "uptime"]))
        #expect(try ShellPlanner.plan([.text("ssh -- "), .value("-odd"), .text(" uptime")]) == .direct(["ssh", "--", "-odd", "uptime"]))
    }

    @Test("list commands and stdin follow the same rules")
    func listsAndStandardInput() throws {
        let list = try [Template(parsing: "sh"), Template(parsing: "-c"), Template(parsing: "echo {{ inputs.v }}")]
        #expect(ShellPlanner.problems(inArguments: list).map(\.item) == [2])
        let safe = try [Template(parsing: "sh"), Template(parsing: "-c"), Template(parsing: "echo \"$1\""), Template(parsing: "_"), Template(parsing: "{{ inputs.v }}")]
        #expect(ShellPlanner.problems(inArguments: safe).isEmpty)
        #expect(ShellPlanner.problems(inArguments: [try Template(parsing: "python3")], standardInput: try Template(parsing: "{{ inputs.v }}")).map(\.item) == [1])
        #expect(ShellPlanner.problems(inLine: try Template(parsing: "bash -s"), standardInput: try Template(parsing: "{{ inputs.v }}")).count == 1)
        #expect(ShellPlanner.problems(inLine: try Template(parsing: "cat"), standardInput: try Template(parsing: "{{ inputs.v }}")).isEmpty)
        #expect(ShellPlanner.problems(inLine: try Template(parsing: "cd /tmp && sh"), standardInput: try Template(parsing: "{{ inputs.v }}")).count == 1)
        #expect(ShellPlanner.problems(inLine: try Template(parsing: "cat | sh -c 'wc -c'"), standardInput: try Template(parsing: "{{ inputs.v }}")).isEmpty)
    }

    @Test("a value inside ${...} is refused")
    func parameterExpansion() throws {
        #expect(try problems("echo \"${X:-{{ inputs.v }}}\"") == [11])
    }

    @Test("the dry-run text quotes each value for where it stands")
    func display() throws {
        let value = "it's $(x) \"q\""
        #expect(try ShellPlanner.display([.text("echo "), .value(value)]) == #"echo 'it'\''s $(x) "q"'"#)
        #expect(try ShellPlanner.display([.text("echo 'Bearer "), .value("s3 ; rm"), .text("'")]) == "echo 'Bearer s3 ; rm'")
        #expect(try ShellPlanner.display([.text("echo \"["), .value(value), .text("]\"")]) == #"echo "[it's \$(x) \"q\"]""#)
        #expect(try ShellPlanner.display([.text("cat <<EOF\n"), .value("$x `y`"), .text("\nEOF")]) == "cat <<EOF\n\\$x \\`y\\`\nEOF")
    }

    @Test("in a shell command a last quote filter gives the value's own bytes")
    func quoteFilter() throws {
        let context = RenderContext(roots: ["inputs": .mapping(["v": .string("a b")])])
        let parts = try Template(parsing: "echo {{ inputs.v | quote }} {{ inputs.v | quote | upper }}").renderParts(in: context)
        #expect(parts == [.text("echo "), .value("a b"), .text(" "), .value("'A B'")])
    }
}
