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
        try ProcrunBinary.expect(["greet.yaml", "-q", "--no-learn"], in: folder.path)
        #expect(folder.exists("ran-marker"))
    }

    @Test("-v streams each command's output, as --verbose")
    func verbose() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        try ProcrunBinary.expect(["run", "-v", "greet.yaml", "--no-learn"], in: folder.path, stdout: """
            ▶ greet (greet.yaml, 2 steps)
              1/2 … shell       say
            hello world
              1/2 ✓ shell       say  <duration>
              2/2 … write_file  #2
              2/2 ✓ write_file  #2   <duration>
            ✓ greet succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["run", "--verbose", "greet.yaml", "--no-learn"], in: folder.path, stdout: """
            ▶ greet (greet.yaml, 2 steps)
              1/2 … shell       say
            hello world
              1/2 ✓ shell       say  <duration>
              2/2 … write_file  #2
              2/2 ✓ write_file  #2   <duration>
            ✓ greet succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
    }

    @Test("-n is a dry run, as --dry-run: nothing runs")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        try ProcrunBinary.expect(["greet.yaml", "-n"], in: folder.path, stdout: """
            ▶ greet (greet.yaml, 2 steps)
              1/2 ✓ shell       say  (dry run)
                  $ echo hello world
              2/2 ✓ write_file  #2   (dry run)
                  write 3 bytes to ran-marker
            ✓ greet dry run, nothing ran: 2 would run

            """)
        #expect(!folder.exists("ran-marker"))
        #expect(try folder.read("greet.yaml") == Self.procedure)
    }

    @Test("-s NAME=VALUE sets an input, as --set, and repeats")
    func set() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        try ProcrunBinary.expect(["greet.yaml", "-s", "who=Ada", "--json", "--no-learn"], in: folder.path, stdout: """
            {"procedure":"greet","file":"greet.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"say","action":"shell","status":"success","outcome":"hello Ada","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1},{"step":2,"id":null,"action":"write_file","status":"success",\
            "outcome":"<tmp>/ran-marker","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields, .temporaryFolders])
        try ProcrunBinary.expect(["greet.yaml", "-s", "whom=Ada", "--no-learn"], in: folder.path, status: 2, stderr: "error: --set whom: procedure 'greet' has no input 'whom'; did you mean 'who'?\n")
    }

    @Test("-l DIR names the library, as --library, for run, check, list and show")
    func library() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("lib/procrun.yaml", "actions:\n  hello:\n    command: echo hello from the library\n")
        try folder.write("lib/uses.yaml", "name: uses\nsteps:\n  - action: hello\n")
        try folder.write("elsewhere/uses.yaml", "name: uses\nsteps:\n  - action: hello\n")
        try ProcrunBinary.expect(["uses", "-l", "lib", "--no-learn", "--json"], in: folder.path, stdout: """
            {"procedure":"uses","file":"lib/uses.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":null,"action":"hello","status":"success","outcome":"hello from the library","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        try ProcrunBinary.expect(["check", "-l", "lib", "lib/uses.yaml"], in: folder.path, stdout: "ok: lib/uses.yaml: 'uses', 1 step\n")
        // A file outside the library named by -l is refused, as every door refuses it.
        try ProcrunBinary.expect(["check", "-l", "lib", "elsewhere/uses.yaml"], in: folder.path, status: 2, stderr: """
            error: 'elsewhere/uses.yaml' is outside the library folder 'lib'
            1 problem found in 1 file

            """)
        try ProcrunBinary.expect(["check", "elsewhere/uses.yaml"], in: folder.path, status: 2, stderr: """
            elsewhere/uses.yaml:3:13: error: unknown action 'hello'; did you mean 'shell'?
              - action: hello
                        ^
            1 problem found in 1 file

            """)
        try ProcrunBinary.expect(["list", "-l", "lib"], in: folder.path, stdout: """
            NAME  DESCRIPTION  TAGS  FILE
            uses                     lib/uses.yaml

            """)
        try ProcrunBinary.expect(["show", "uses", "-l", "lib"], in: folder.path, stdout: """
            uses (lib/uses.yaml)

            steps:
              1  #1  hello
                  $ echo hello from the library

            call tree:
            uses
              (calls no procedure)

            """)
    }

    @Test("--no-color is accepted by check, stats and show, and nothing they print has an escape code")
    func noColor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("greet.yaml", Self.procedure)
        try folder.write("broken.yaml", "name: broken\nstpes: []\n")
        try ProcrunBinary.expect(["check", "broken.yaml", "--no-color"], in: folder.path, status: 2, stderr: """
            broken.yaml:2:1: error: unknown key 'stpes' in the procedure; did you mean 'steps'?
            stpes: []
            ^
            1 problem found in 1 file

            """)
        try ProcrunBinary.expect(["stats", "greet.yaml", "--no-color"], in: folder.path, stdout: """
            PROCEDURE  FILE        RUNS  SUCCESS  AVG  LAST RUN
            greet      greet.yaml  0     -        -    never

            STEP  RUNS  OK  FAILED  SKIPPED  AVG  MARKS

            """)
        try ProcrunBinary.expect(["show", "greet.yaml", "--no-color"], in: folder.path, stdout: """
            greet (greet.yaml)

            inputs:
              who  string  default: world

            steps:
              1  say  shell
                  $ echo hello {{ inputs.who }}
              2  #2   write_file

            call tree:
            greet
              (calls no procedure)

            """)
        try ProcrunBinary.expect(["check", "greet.yaml", "--no-color"], in: folder.path, stdout: "ok: greet.yaml: 'greet', 2 steps\n")
    }

    @Test("completion prints the script for bash, zsh and fish, as Fixtures/completion holds it", arguments: ["bash", "zsh", "fish"])
    func completion(shell: String) throws {
        let output = try ProcrunBinary.run(["completion", shell])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        WholeText.expect(output.stdout, equalsContentsOf: ProcrunBinary.fixtures + "/completion/procrun.\(shell)")
    }

    @Test("a completion script for another shell is refused")
    func completionRefused() throws {
        try ProcrunBinary.expect(["completion", "tcsh"], status: 2, stderr: """
            Error: expected bash, zsh or fish, found 'tcsh'
            Usage: procrun completion <SHELL>
              See 'procrun completion --help' for more information.

            """)
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
        WholeText.expect(result.stdout.text + result.stderr.text, equals: """
            run
            check
            list
            show
            graph
            stats
            history
            report
            optimize
            record
            find
            similar
            merge
            merge-driver
            git-setup
            review
            resolve
            mcp
            export
            schema
            new
            completion
            help

            """, "the words offered")
        let kinds = """
            source \(path)
            COMP_WORDS=(procrun schema ''); COMP_CWORD=2; COMP_LINE='procrun schema '; COMP_POINT=${#COMP_LINE}
            _procrun
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let offered = try ProcessRunner.run(ProcessSpec(arguments: ["bash", "-c", kinds])).stdout.text
        #expect(offered.split(separator: "\n").sorted() == ["library", "procedure", "show"], "\(offered)")
    }

    @Test("the bash script completes procedure names, --set's input names and --format's values")
    func bashCompletesProcedures() throws {
        let script = try ProcrunBinary.run(["completion", "bash"]).stdout
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("procrun.bash", script)
        try folder.write("procrun.yaml", "")
        try folder.write("greet.yaml", Self.procedure)
        try folder.write("gather.yaml", "name: gather\ninputs:\n  where: {type: string}\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        /// What bash offers for `line`, the procrun found first on PATH being the built one.
        func offered(_ line: String) throws -> [String] {
            let test = """
                PATH=\(FileSystem.directory(of: ProcrunBinary.path)):$PATH; source \(path)
                COMP_LINE='\(line)'; read -ra COMP_WORDS <<< "$COMP_LINE"; [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_POINT=${#COMP_LINE}
                _procrun procrun "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            var spec = ProcessSpec(arguments: ["bash", "-c", test])
            spec.workingDirectory = folder.path
            return try ProcessRunner.run(spec).stdout.text.split(separator: "\n").map(String.init).sorted()
        }
        #expect(try offered("procrun run g") == ["gather", "gather.yaml", "greet", "greet.yaml"])
        #expect(try offered("procrun check gr") == ["greet", "greet.yaml"])
        #expect(try offered("procrun run greet gather --set w") == ["where=", "who="])
        #expect(try offered("procrun run greet --set ") == ["who="])
        #expect(try offered("procrun review --format ") == ["json", "markdown", "text"])
    }

    @Test("new writes a skeleton that passes check, validates against the schema and runs")
    func new() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procedures/procrun.yaml", "actions: {}\n")
        try ProcrunBinary.expect(
            ["new", "deploy_api", "--description", "Deploy the API: roll it out"], in: folder.path,
            stdout: "created procedures/deploy_api.yaml; edit its steps, then run it: procrun procedures/deploy_api.yaml\n")
        WholeText.expect(try folder.read("procedures/deploy_api.yaml"), equals: """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json
            name: deploy_api
            description: 'Deploy the API: roll it out'
            tags: []

            inputs:
              target:
                type: string
                description: what the procedure works on
                default: world

            steps:
              - id: hello
                action: shell
                parameters:
                  command: echo "deploy_api works on {{ inputs.target }}"
                expect: {exit_code: 0, contains: works on}
                timeout: 1m

            """, "the skeleton")
        try ProcrunBinary.expect(["check", "procedures/deploy_api.yaml"], in: folder.path, stdout: "ok: procedures/deploy_api.yaml: 'deploy_api', 1 step\n")
        try ProcrunBinary.expect(["procedures/deploy_api.yaml", "-s", "target=staging"], in: folder.path, stdout: """
            ▶ deploy_api (procedures/deploy_api.yaml, 1 step)
              1/1 ✓ shell  hello  <duration>
            ✓ deploy_api succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
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
        try ProcrunBinary.expect(
            ["new", "taken"], in: folder.path, status: 2, stderr: "error: taken.yaml already exists; nothing was written: choose another name\n")
        #expect(try folder.read("taken.yaml") == "# mine\n")
        try ProcrunBinary.expect(["new", "elsewhere"], in: folder.path, status: 2, stderr: """
            error: a procedure named 'elsewhere' already exists at team/other.yaml; nothing was written: choose another name

            """)
        #expect(!folder.exists("elsewhere.yaml"))
        try ProcrunBinary.expect(["new", "9lives"], in: folder.path, status: 2, stderr: "error: expected a procedure name of letters, digits, '_' and '-' starting with a letter, found '9lives'\n")
    }
}
