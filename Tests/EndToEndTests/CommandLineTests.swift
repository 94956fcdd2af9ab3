import ProcrunKit
import Testing

/// The command-line habits users bring from just, go-task and git: short flags, shell completion,
/// `--no-color` everywhere colour may appear, and `procrun new`.
@Suite("command-line habits", .serialized)
struct CommandLineTests {
    static let procedure = """
        name: greet
        inputs:
          who: {type: string, default: world}
        steps:
          - id: say
            action: shell
            parameters: {command: "echo hello {{ inputs.who }}"}
          - action: write_file
            parameters: {path: ran-marker, content: ran}

        """

    @Test("-q prints nothing on success, as --quiet")
    func quiet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        let output = try ProcrunBinary.run(["greet.yaml", "-q", "--no-learn"], in: folder.path)
        #expect(output.status == 0)
        #expect(output.stdout.isEmpty && output.stderr.isEmpty)
        #expect(folder.exists("ran-marker"))
    }

    @Test("-v streams each command's output, as --verbose")
    func verbose() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        let short = try ProcrunBinary.run(["run", "-v", "greet.yaml", "--no-learn"], in: folder.path)
        let long = try ProcrunBinary.run(["run", "--verbose", "greet.yaml", "--no-learn"], in: folder.path)
        #expect(short.status == 0)
        #expect(short.stdout.contains("\nhello world\n"))
        #expect(Self.withoutTimes(short.stdout) == Self.withoutTimes(long.stdout))
    }

    @Test("-n is a dry run, as --dry-run: nothing runs")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        let output = try ProcrunBinary.run(["greet.yaml", "-n"], in: folder.path)
        #expect(output.status == 0)
        #expect(output.stdout.contains("$ echo hello world"))
        #expect(!folder.exists("ran-marker"))
        #expect(try folder.read("greet.yaml") == Self.procedure)
    }

    @Test("-s NAME=VALUE sets an input, as --set, and repeats")
    func set() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        let output = try ProcrunBinary.run(["greet.yaml", "-s", "who=Ada", "--json", "--no-learn"], in: folder.path)
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"outcome\":\"hello Ada\\n\"") || output.stdout.contains("hello Ada"))
        let wrong = try ProcrunBinary.run(["greet.yaml", "-s", "whom=Ada", "--no-learn"], in: folder.path)
        #expect(wrong.status == 2)
    }

    @Test("-l DIR names the library, as --library, for run, check, list and show")
    func library() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("lib/procrun.yaml", "actions:\n  hello:\n    command: echo hello from the library\n")
        try folder.write("lib/uses.yaml", "name: uses\nsteps:\n  - action: hello\n")
        try folder.write("elsewhere/uses.yaml", "name: uses\nsteps:\n  - action: hello\n")
        let run = try ProcrunBinary.run(["uses", "-l", "lib", "--no-learn", "--json"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("hello from the library"))
        #expect(try ProcrunBinary.run(["check", "-l", "lib", "lib/uses.yaml"], in: folder.path).status == 0)
        // A file outside the library named by -l is refused, as every door refuses it.
        let outside = try ProcrunBinary.run(["check", "-l", "lib", "elsewhere/uses.yaml"], in: folder.path)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("'elsewhere/uses.yaml' is outside the library folder 'lib'"), "\(outside.stderr)")
        #expect(try ProcrunBinary.run(["check", "elsewhere/uses.yaml"], in: folder.path).status == 2)
        #expect(try ProcrunBinary.run(["list", "-l", "lib"], in: folder.path).stdout.contains("uses"))
        #expect(try ProcrunBinary.run(["show", "uses", "-l", "lib"], in: folder.path).status == 0)
    }

    @Test("--no-color is accepted by check, stats and show, and nothing they print has an escape code")
    func noColor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        try folder.write("broken.yaml", "name: broken\nstpes: []\n")
        for arguments in [["check", "broken.yaml"], ["stats", "greet.yaml"], ["show", "greet.yaml"], ["check", "greet.yaml"]] {
            let output = try ProcrunBinary.run(arguments + ["--no-color"], in: folder.path)
            #expect(output.status == (arguments[1] == "broken.yaml" ? 2 : 0), "\(arguments)")
            #expect(!(output.stdout + output.stderr).contains("\u{1B}"), "\(arguments)")
        }
    }

    @Test("completion prints the script for bash, zsh and fish, naming every subcommand", arguments: ["bash", "zsh", "fish"])
    func completion(shell: String) throws {
        let output = try ProcrunBinary.run(["completion", shell])
        #expect(output.status == 0)
        #expect(output.stdout.hasSuffix("\n"))
        let first: [String: String] = ["bash": "#!/bin/bash", "zsh": "#compdef procrun", "fish": "# A function"]
        if shell != "fish" { #expect(output.stdout.hasPrefix(first[shell] ?? "?")) }
        for word in ["run", "check", "schema", "new", "completion", "junit", "dry-run"] {
            #expect(output.stdout.contains(word), "\(shell) script lacks \(word)")
        }
    }

    @Test("a completion script for another shell is refused")
    func completionRefused() throws {
        let output = try ProcrunBinary.run(["completion", "tcsh"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("expected bash, zsh or fish, found 'tcsh'"))
    }

    @Test("the bash script loads in bash and completes subcommands")
    func bashCompletes() throws {
        let script = try ProcrunBinary.run(["completion", "bash"]).stdout
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("procrun.bash", script)
        let test = """
            source \(path)
            COMP_WORDS=(procrun sch); COMP_CWORD=1; COMP_LINE='procrun sch'; COMP_POINT=${#COMP_LINE}
            _procrun
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ProcessRunner.run(ProcessSpec(arguments: ["bash", "-c", test]))
        #expect(result.stdout.text.split(separator: "\n").contains("schema"), "\(result.stdout.text)\(result.stderr.text)")
        let kinds = """
            source \(path)
            COMP_WORDS=(procrun schema ''); COMP_CWORD=2; COMP_LINE='procrun schema '; COMP_POINT=${#COMP_LINE}
            _procrun
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let offered = try ProcessRunner.run(ProcessSpec(arguments: ["bash", "-c", kinds])).stdout.text
        #expect(offered.split(separator: "\n").sorted() == ["library", "procedure"], "\(offered)")
    }

    @Test("new writes a skeleton that passes check, validates against the schema and runs")
    func new() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procedures/procrun.yaml", "actions: {}\n")
        let output = try ProcrunBinary.run(["new", "deploy_api", "--description", "Deploy the API: roll it out"], in: folder.path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "created procedures/deploy_api.yaml; edit its steps, then run it: procrun procedures/deploy_api.yaml\n")
        let text = try folder.read("procedures/deploy_api.yaml")
        #expect(text.hasPrefix(JSONSchema.modeline + "\nname: deploy_api\ndescription: 'Deploy the API: roll it out'\n"))
        #expect(text.contains("inputs:\n") && text.contains("expect: {exit_code: 0, contains: works on}"))
        #expect(try ProcrunBinary.run(["check", "procedures/deploy_api.yaml"], in: folder.path).status == 0)
        let run = try ProcrunBinary.run(["procedures/deploy_api.yaml", "-s", "target=staging"], in: folder.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let validated = try SchemaTests.validate("procedure", [folder.path + "/procedures/deploy_api.yaml"])
        #expect(validated.status == 0, "\(validated.output)")
    }

    @Test("new never overwrites: an existing file or a procedure of that name elsewhere is refused")
    func newRefuses() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "actions: {}\n")
        try folder.write("taken.yaml", "# mine\n")
        try folder.write("team/other.yaml", "name: elsewhere\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        let existing = try ProcrunBinary.run(["new", "taken"], in: folder.path)
        #expect(existing.status == 2)
        #expect(existing.stderr == "error: taken.yaml already exists; nothing was written: choose another name\n")
        #expect(try folder.read("taken.yaml") == "# mine\n")
        let elsewhere = try ProcrunBinary.run(["new", "elsewhere"], in: folder.path)
        #expect(elsewhere.status == 2)
        #expect(elsewhere.stderr.contains("a procedure named 'elsewhere' already exists at"))
        #expect(!folder.exists("elsewhere.yaml"))
        let invalid = try ProcrunBinary.run(["new", "9lives"], in: folder.path)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("expected a procedure name"))
    }

    /// The text with durations in milliseconds (`12ms`) replaced, for comparing two runs.
    static func withoutTimes(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: " ").map { word in
                let bare = word.hasSuffix(":") ? word.dropLast() : word
                return bare.hasSuffix("ms") && bare.dropLast(2).allSatisfy(\.isNumber) ? "T" : String(word)
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
