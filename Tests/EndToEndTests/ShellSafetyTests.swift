import Foundation
import ProcrunKit
import Testing

/// Templated values in shell commands, through the binary: arithmetic, nested shells,
/// here-documents, comments and dry runs (Fixtures/shell).
@Suite("shell safety", .serialized)
struct ShellSafetyTests {
    /// Runs `procrun ARGUMENTS` in a fresh folder holding the fixture, and hands the folder to
    /// `inspect` before it is removed.
    func run(_ fixture: String, _ arguments: [String], inspect: (ProcrunBinary.Output, TemporaryFolder) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/shell/" + fixture)
        try inspect(try ProcrunBinary.run(arguments, in: folder.path), folder)
    }

    func outcomes(_ output: ProcrunBinary.Output) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let steps = try #require(object?["steps"] as? [[String: Any]], "stdout was:\n\(output.stdout)")
        return steps.map { $0["outcome"] as? String ?? "" }
    }

    static let arithmeticError = """
        arithmetic.yaml:7:37: error: a templated value inside arithmetic ('$(( ))', '(( ))', 'let', '[[ ]]', a subscript) must be an integer: the shell evaluates a variable's text there as an expression, running any '$(...)' in it; use an integer input or '| int'
            parameters: {command: "echo $(( {{ inputs.n }} + 1 )) > sum", shell: /bin/bash}
                                            ^

        """

    @Test("a string inside $(( )) is refused before the run, by check and by run; nothing executes")
    func arithmetic() throws {
        for arguments in [["check", "arithmetic.yaml"], ["run", "arithmetic.yaml", "--set", "n=a[$(touch PWNED)]"]] {
            try run("arithmetic.yaml", arguments) { output, folder in
                #expect(output.status == 2)
                #expect(output.stderr.hasPrefix(Self.arithmeticError), "stderr was:\n\(output.stderr)")
                #expect(!folder.exists("PWNED") && !folder.exists("sum"))
            }
        }
    }

    @Test("an integer input, or a value filtered by int, runs inside arithmetic; a non-integer never reaches the shell")
    func arithmeticWithIntegers() throws {
        try run("arithmetic-integer.yaml", ["run", "arithmetic-integer.yaml", "--json", "--no-learn", "--set", "n=41"]) { output, _ in
            #expect(output.status == 0, "stderr was:\n\(output.stderr)")
            let got = try outcomes(output)
            #expect(got == ["42", "42"])
        }
        let hostile = ["run", "arithmetic-integer.yaml", "--no-learn", "--set", "text=a[$(touch PWNED)]"]
        try run("arithmetic-integer.yaml", hostile) { output, folder in
            #expect(output.status == 1)
            #expect(output.stdout.contains("filter 'int'"), "stdout was:\n\(output.stdout)")
            #expect(!folder.exists("PWNED"))
        }
    }

    static let nestedErrors = [
        (7, 40, "'sh -c' runs this word as a shell script"),
        (9, 48, "'ssh' runs the words after the host as a command of the remote shell"),
        (11, 82, "'sh -c' runs this word as a shell script"),
        (13, 39, "'eval' runs its operands as shell code"),
    ].map { line, column, reason in
        "nested-shell.yaml:\(line):\(column): error: a templated value here would run as code: \(reason); pass it as an argument instead, as in sh -c '... \"$1\"' _ {{ inputs.v }}, or write '| raw' to insert it as code knowingly"
    }

    @Test("a value in the script of sh -c, ssh, xargs sh -c or eval is refused at its position, with the safe form")
    func nestedShell() throws {
        for arguments in [["check", "nested-shell.yaml"], ["run", "nested-shell.yaml", "--set", "v=x; touch PWNED"]] {
            try run("nested-shell.yaml", arguments) { output, folder in
                #expect(output.status == 2)
                let errors = output.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
                #expect(errors == Self.nestedErrors, "stderr was:\n\(output.stderr)")
                #expect(!folder.exists("PWNED"))
            }
        }
    }

    @Test("the safe form: a value as an argument of the nested script arrives exactly")
    func nestedShellSafeForm() throws {
        let value = "x; touch PWNED $(touch PWNED) `touch PWNED` 'q' \"d\"  * -n"
        try run("nested-shell-safe.yaml", ["run", "nested-shell-safe.yaml", "--json", "--no-learn", "--set", "v=\(value)"]) { output, folder in
            #expect(output.status == 0, "stderr was:\n\(output.stderr)")
            let got = try outcomes(output)
            #expect(got == [value, value])
            #expect(!folder.exists("PWNED"))
        }
    }

    @Test("a value inside a here-document arrives exactly, with a plain or a quoted delimiter, and after <<-")
    func hereDocument() throws {
        let value = "\"$(touch PWNED)\" 'q' `touch PWNED` \\ EOF\nEOF\n  *  $HOME"
        try run("heredoc.yaml", ["run", "heredoc.yaml", "--json", "--no-learn", "--set", "v=\(value)"]) { output, folder in
            #expect(output.status == 0, "stderr was:\n\(output.stderr)")
            let (plain, quoted, got) = (try folder.read("plain.txt"), try folder.read("quoted.txt"), try outcomes(output))
            #expect(plain == value + "\n")
            #expect(quoted == "$HOME `stays` \(value) \\n\n")
            #expect(got.last == value)
            #expect(!folder.exists("PWNED"))
        }
    }

    @Test("a comment with an apostrophe is a comment, not an unterminated quote")
    func comment() throws {
        try run("comment.yaml", ["run", "comment.yaml", "--json", "--no-learn", "--set", "who=it's me"]) { output, _ in
            #expect(output.status == 0, "stderr was:\n\(output.stderr)")
            let got = try outcomes(output)
            #expect(got == ["hello it's me"])
        }
    }

    @Test("--dry-run prints each command as it would run: values quoted where they stand, secrets masked")
    func dryRun() throws {
        let arguments = ["run", "dry-run.yaml", "--dry-run", "--set", "tok=s3cr3t value; rm -rf /", "--set", "note=it's $(x) \"q\""]
        try run("dry-run.yaml", arguments) { output, folder in
            #expect(output.status == 0, "stderr was:\n\(output.stderr)")
            #expect(
                output.stdout.replacingOccurrences(of: #"\d+ms"#, with: "T", options: .regularExpression) == """
                    ▶ dry-run (dry-run.yaml, 3 steps)
                      1/3 ✓ shell  #1  (dry run)
                          $ echo 'Bearer ***' > auth
                      2/3 ✓ shell  #2  (dry run)
                          $ echo 'Note it'\\''s $(x) "q"' "[it's \\$(x) \\"q\\"]" 'it'\\''s $(x) "q"' > note
                      3/3 ✓ shell  #3  (dry run)
                          $ printf %s 'it'\\''s $(x) "q"'
                    ✓ dry-run dry run, nothing ran: 3 would run

                    """)
            #expect(!output.stdout.contains("s3cr3t"))
            let left = try FileSystem.contents(of: folder.path)
            #expect(left == ["dry-run.yaml"])
        }
    }

    @Test("what a dry run prints, pasted into a shell, runs the command procrun would run")
    func dryRunPasted() throws {
        let note = "it's $(touch PWNED) \"q\" `x` \\ * ;"
        try run("dry-run.yaml", ["run", "dry-run.yaml", "--dry-run", "--json", "--set", "tok=token-42", "--set", "note=\(note)"]) { output, folder in
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
        try run("dry-run.yaml", ["run", "dry-run.yaml", "--dry-run", "--json", "--set", "tok=token-42", "--set", "note=n"]) { output, _ in
            #expect(output.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            #expect(object["dry_run"] as? Bool == true)
            #expect(object["success"] as? Bool == false)
            let statuses = (object["steps"] as? [[String: Any]] ?? []).map { $0["status"] as? String }
            #expect(statuses == ["planned", "planned", "planned"])
        }
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
        try run("dry-run.yaml", []) { _, folder in
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
