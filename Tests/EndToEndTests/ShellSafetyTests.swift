import Foundation
import ProcrunKit
import Testing

/// Templated values in shell commands, through the binary: arithmetic, nested shells,
/// here-documents, comments and dry runs (Fixtures/shell).
@Suite("shell safety", .serialized)
struct ShellSafetyTests {
    /// Runs `procrun ARGUMENTS` in a fresh folder holding the fixture, compares its status and
    /// both streams whole with what is stated (durations normalised), and hands the output and the
    /// folder to `inspect` before the folder is removed.
    func run(
        _ fixture: String, _ arguments: [String], status: Int32 = 0, stdout: String = "", stderr: String = "",
        sourceLocation: Testing.SourceLocation = #_sourceLocation, inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void = { _, _ in }
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/shell/" + fixture)
        let output = try ProcrunBinary.expect(
            arguments, in: folder.path, status: status, stdout: stdout, stderr: stderr, normalizing: [.durations, .durationFields, .temporaryFolders],
            sourceLocation: sourceLocation)
        try inspect(output, folder)
    }

    func outcomes(_ output: ProcrunBinary.Output) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let steps = try #require(object?["steps"] as? [[String: Any]], "stdout was:\n\(output.stdout)")
        return steps.map { $0["outcome"] as? String ?? "" }
    }

    @Test("a string inside $(( )) is refused before the run, by check and by run; nothing executes")
    func arithmetic() throws {
        // What check and run print, but the count check adds.
        let diagnostics = """
            arithmetic.yaml:7:37: error: a templated value inside arithmetic ('$(( ))', '(( ))', 'let', an operand of '-eq', '-lt'... in '[[ ]]', a subscript) must be an integer: the shell evaluates a variable's text there as an expression, running any '$(...)' in it; use an integer input or '| int'
                parameters: {command: "echo $(( {{ inputs.n }} + 1 )) > sum", shell: /bin/bash}
                                                ^

            """
        try run("arithmetic.yaml", ["check", "arithmetic.yaml"], status: 2, stderr: diagnostics + "1 problem found in 1 file\n") { _, folder in
            #expect(!folder.exists("PWNED") && !folder.exists("sum"))
        }
        try run("arithmetic.yaml", ["run", "arithmetic.yaml", "--set", "n=a[$(touch PWNED)]"], status: 2, stderr: diagnostics) { _, folder in
            #expect(!folder.exists("PWNED") && !folder.exists("sum"))
        }
    }

    @Test("an integer input, or a value filtered by int, runs inside arithmetic; a non-integer never reaches the shell")
    func arithmeticWithIntegers() throws {
        try run("arithmetic-integer.yaml", ["run", "arithmetic-integer.yaml", "--json", "--no-learn", "--set", "n=41"], stdout: """
            {"procedure":"arithmetic-integer","file":"arithmetic-integer.yaml","success":true,"duration_ms":<ms>,"learned":false,\
            "steps":[{"step":1,"id":"typed","action":"shell","status":"success","outcome":"42","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":"filtered","action":"shell","status":"success","outcome":"42",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """)
        let hostile = ["run", "arithmetic-integer.yaml", "--no-learn", "--set", "text=a[$(touch PWNED)]"]
        try run("arithmetic-integer.yaml", hostile, status: 1, stdout: """
            ▶ arithmetic-integer (arithmetic-integer.yaml, 2 steps)
              1/2 ✓ shell  typed     <duration>
              2/2 ✗ shell  filtered  <duration>
                  error: arithmetic-integer.yaml:12:54: filter 'int' expects the text of an integer
                      parameters: {command: "echo $(( {{ inputs.text | int }} + 1 ))"}
                                                                       ^
            ✗ arithmetic-integer failed in <duration>: 1 succeeded, 1 failed; first failure: step 2 (filtered)

            """) { _, folder in
            #expect(!folder.exists("PWNED"))
        }
    }

    @Test("a value in the script of sh -c, ssh, xargs sh -c or eval is refused at its position, with the safe form")
    func nestedShell() throws {
        // What check and run print, but the count check adds.
        let diagnostics = """
            nested-shell.yaml:7:40: error: a templated value here would run as code: 'sh -c' runs this word as a shell script; pass it as an argument instead, as in sh -c '... "$1"' _ {{ inputs.v }}, or write '| raw' to insert it as code knowingly
                parameters: {command: "sh -c 'echo {{ inputs.v }}'"}
                                                   ^
            nested-shell.yaml:9:48: error: a templated value here would run as code: 'ssh' runs the words after the host as a command of the remote shell; pass it as an argument instead, as in sh -c '... "$1"' _ {{ inputs.v }}, or write '| raw' to insert it as code knowingly
                parameters: {command: "ssh deploy@host 'ls {{ inputs.v }}'"}
                                                           ^
            nested-shell.yaml:11:82: error: a templated value here would run as code: 'sh -c' runs this word as a shell script; pass it as an argument instead, as in sh -c '... "$1"' _ {{ inputs.v }}, or write '| raw' to insert it as code knowingly
                parameters: {command: "printf '%s\\\\n' {{ inputs.v }} | xargs sh -c 'echo \\"$0\\" {{ inputs.v }}'"}
                                                                                             ^
            nested-shell.yaml:13:39: error: a templated value here would run as code: 'eval' runs its operands as shell code; pass it as an argument instead, as in sh -c '... "$1"' _ {{ inputs.v }}, or write '| raw' to insert it as code knowingly
                parameters: {command: "eval \\"echo {{ inputs.v }}\\""}
                                                  ^

            """
        try run("nested-shell.yaml", ["check", "nested-shell.yaml"], status: 2, stderr: diagnostics + "4 problems found in 1 file\n") { _, folder in
            #expect(!folder.exists("PWNED"))
        }
        try run("nested-shell.yaml", ["run", "nested-shell.yaml", "--set", "v=x; touch PWNED"], status: 2, stderr: diagnostics) { _, folder in
            #expect(!folder.exists("PWNED"))
        }
    }

    @Test("the safe form: a value as an argument of the nested script arrives exactly")
    func nestedShellSafeForm() throws {
        let value = "x; touch PWNED $(touch PWNED) `touch PWNED` 'q' \"d\"  * -n"
        try run("nested-shell-safe.yaml", ["run", "nested-shell-safe.yaml", "--json", "--no-learn", "--set", "v=\(value)"], stdout: """
            {"procedure":"nested-shell-safe","file":"nested-shell-safe.yaml","success":true,"duration_ms":<ms>,"learned":false,\
            "steps":[{"step":1,"id":"direct","action":"shell","status":"success",\
            "outcome":"x; touch PWNED $(touch PWNED) `touch PWNED` 'q' \\"d\\"  * -n","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1},{"step":2,"id":"piped","action":"shell","status":"success",\
            "outcome":"x; touch PWNED $(touch PWNED) `touch PWNED` 'q' \\"d\\"  * -n","duration_ms":<ms>,"exit_code":0,"error":null,\
            "attempts":1}],"outputs":{}}

            """) { _, folder in
            #expect(!folder.exists("PWNED"))
        }
    }

    @Test("a value inside a here-document arrives exactly, with a plain or a quoted delimiter, and after <<-")
    func hereDocument() throws {
        let value = "\"$(touch PWNED)\" 'q' `touch PWNED` \\ EOF\nEOF\n  *  $HOME"
        try run("heredoc.yaml", ["run", "heredoc.yaml", "--json", "--no-learn", "--set", "v=\(value)"], stdout: """
            {"procedure":"heredoc","file":"heredoc.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":null,"action":"shell","status":"success","outcome":"","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},\
            {"step":2,"id":"tabs","action":"shell","status":"success",\
            "outcome":"\\"$(touch PWNED)\\" 'q' `touch PWNED` \\\\ EOF\\nEOF\\n  *  $HOME","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1}],"outputs":{}}

            """) { output, folder in
            let (plain, quoted, got) = (try folder.read("plain.txt"), try folder.read("quoted.txt"), try outcomes(output))
            #expect(plain == value + "\n")
            #expect(quoted == "$HOME `stays` \(value) \\n\n")
            #expect(got.last == value)
            #expect(!folder.exists("PWNED"))
        }
    }

    @Test("a comment with an apostrophe is a comment, not an unterminated quote")
    func comment() throws {
        try run("comment.yaml", ["run", "comment.yaml", "--json", "--no-learn", "--set", "who=it's me"], stdout: """
            {"procedure":"comment","file":"comment.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"greet","action":"shell","status":"success","outcome":"hello it's me","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1}],"outputs":{}}

            """)
    }

    @Test("--dry-run prints each command as it would run: values quoted where they stand, secrets masked")
    func dryRun() throws {
        let arguments = ["run", "dry-run.yaml", "--dry-run", "--set", "tok=s3cr3t value; rm -rf /", "--set", "note=it's $(x) \"q\""]
        try run("dry-run.yaml", arguments, stdout: """
            ▶ dry-run (dry-run.yaml, 3 steps)
              1/3 ✓ shell  #1  (dry run)
                  $ echo 'Bearer ***' > auth
              2/3 ✓ shell  #2  (dry run)
                  $ echo 'Note it'\\''s $(x) "q"' "[it's \\$(x) \\"q\\"]" 'it'\\''s $(x) "q"' > note
              3/3 ✓ shell  #3  (dry run)
                  $ printf %s 'it'\\''s $(x) "q"'
            ✓ dry-run dry run, nothing ran: 3 would run

            """) { _, folder in
            let left = try FileSystem.contents(of: folder.path)
            #expect(left == ["dry-run.yaml"])
        }
    }

    @Test("what a dry run prints, pasted into a shell, runs the command procrun would run")
    func dryRunPasted() throws {
        let note = "it's $(touch PWNED) \"q\" `x` \\ * ;"
        try run("dry-run.yaml", ["run", "dry-run.yaml", "--dry-run", "--json", "--set", "tok=token-42", "--set", "note=\(note)"], stdout: """
            {"procedure":"dry-run","file":"dry-run.yaml","success":false,"dry_run":true,"duration_ms":<ms>,"learned":false,\
            "steps":[{"step":1,"id":null,"action":"shell","status":"planned","outcome":"$ echo 'Bearer ***' > auth",\
            "duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":null,"action":"shell","status":"planned",\
            "outcome":"$ echo 'Note it'\\\\''s $(touch PWNED) \\"q\\" `x` \\\\ * ;' \\"[it's \\\\$(touch PWNED) \\\\\\"q\\\\\\" \\\\`x\\\\` \\\\\\\\ * ;]\\" 'it'\\\\''s $(touch PWNED) \\"q\\" `x` \\\\ * ;' > note",\
            "duration_ms":<ms>,"error":null,"attempts":1},{"step":3,"id":null,"action":"shell","status":"planned",\
            "outcome":"$ printf %s 'it'\\\\''s $(touch PWNED) \\"q\\" `x` \\\\ * ;'","duration_ms":<ms>,"error":null,"attempts":1}],\
            "outputs":{}}

            """) { output, folder in
            let line = try #require(try outcomes(output).dropFirst().first)
            let pasted = try ProcrunBinary.shell(String(line.dropFirst(2)), in: folder.path)
            #expect(pasted.status == 0)
            let written = try folder.read("note")
            #expect(written == "Note \(note) [\(note)] \(note)\n")
            #expect(!folder.exists("PWNED"))
        }
    }

    @Test("the JSON report of a dry run says dry_run, is not a success, and its steps are planned")
    func dryRunReport() throws {
        try run("dry-run.yaml", ["run", "dry-run.yaml", "--dry-run", "--json", "--set", "tok=token-42", "--set", "note=n"], stdout: """
            {"procedure":"dry-run","file":"dry-run.yaml","success":false,"dry_run":true,"duration_ms":<ms>,"learned":false,\
            "steps":[{"step":1,"id":null,"action":"shell","status":"planned","outcome":"$ echo 'Bearer ***' > auth",\
            "duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":null,"action":"shell","status":"planned",\
            "outcome":"$ echo 'Note n' \\"[n]\\" n > note","duration_ms":<ms>,"error":null,"attempts":1},{"step":3,"id":null,\
            "action":"shell","status":"planned","outcome":"$ printf %s n","duration_ms":<ms>,"error":null,"attempts":1}],\
            "outputs":{}}

            """)
    }
}

extension ShellSafetyTests {
    /// A JSON-RPC exchange with `procrun mcp`: initialize, then one `run_procedure` with
    /// `dry_run`, reading until its answer.
    static let mcpClient = """
        import json, subprocess, sys
        server = subprocess.Popen([sys.argv[1], "mcp", "--library", sys.argv[2]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        def send(message):
            server.stdin.write(json.dumps(message) + "\\n")
            server.stdin.flush()
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}})
        server.stdout.readline()
        send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        send({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "run_procedure", "arguments": {"name": "dry-run", "inputs": {"tok": "token-42", "note": "n"}, "dry_run": True}}})
        for line in server.stdout:
            answer = json.loads(line)
            if answer.get("id") == 2:
                print(json.dumps(answer["result"]))
                break
        server.stdin.close()
        server.wait()
        """

    @Test("the MCP result of a dry run says dry_run and is not a success")
    func dryRunOverMCP() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/shell/dry-run.yaml")
        let spec = ProcessSpec(arguments: ["python3", "-c", Self.mcpClient, ProcrunBinary.path, folder.path], timeout: .seconds(60))
        let result = try ProcessRunner.run(spec)
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.text.utf8)) as? [String: Any], "stderr: \(result.stderr.text)")
        #expect(answer["isError"] as? Bool == false)
        let text = try #require((answer["content"] as? [[String: Any]])?.first?["text"] as? String)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(report["dry_run"] as? Bool == true)
        #expect(report["success"] as? Bool == false)
        #expect(!folder.exists("auth"))
    }
}

extension ProcrunBinary {
    /// Runs `line` with `/bin/sh -c` in `directory`, as a person pasting it would.
    static func shell(_ line: String, in directory: String) throws -> Output {
        var spec = ProcessSpec(arguments: ["/bin/sh", "-c", line])
        spec.workingDirectory = directory
        spec.timeout = .seconds(30)
        let result = try ProcessRunner.run(spec)
        return Output(status: result.exitCode, stdout: result.stdout.text, stderr: result.stderr.text)
    }
}
