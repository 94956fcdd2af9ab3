import ProcrunKit
import Testing

/// Procedures calling procedures (issue 3), run through the binary on the libraries in
/// Fixtures/compose.
@Suite("procedures call procedures", .serialized)
struct ComposeTests {
    @Test("a nested call passes inputs and reads outputs, in both forms and by path")
    func nestedCall() throws {
        let library = try ComposeFixture("nested-call")
        defer { library.remove() }
        let output = try library.run(["run", "release.yaml", "--json"])
        #expect(output.status == 0, "stdout was:\n\(output.stdout)\nstderr was:\n\(output.stderr)")
        #expect(try library.folder.read("result.txt") == "hello Ada x2 / HELLO GRACE X1")
        #expect(output.stdout.contains(#""outputs":{"both":"hello Ada x2 + HELLO GRACE X1"}"#))
        #expect(output.stdout.contains(#""id":"first","action":"replay_procedure","status":"success""#))
        #expect(output.stdout.contains(#""outputs":{"greeting":"hello Ada x2"},"steps":[{"step":1,"id":"text","action":"set""#))
        #expect(output.stdout.contains(#"{"step":3,"id":"say","action":"shout","status":"success","outcome":"hello Linus x1!""#))

        let check = try library.run(["check", "release.yaml"])
        #expect(check.status == 0)
        #expect(check.stdout == "ok: release.yaml: 'release', 5 steps, calls 1 procedure\n")
    }

    @Test("the terminal view indents a nested procedure's steps under its call step")
    func terminalNesting() throws {
        let library = try ComposeFixture("nested-call")
        defer { library.remove() }
        let output = try library.run(["run", "release.yaml", "--set", "who=Ada"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("  1/5 ↳ replay_procedure  first    calls greet (helpers/greet.yaml)"), "stdout was:\n\(output.stdout)")
        #expect(lines.contains { $0.hasPrefix("      1/3 ✓ set    text   ") })
        #expect(lines.contains { $0.hasPrefix("  1/5 ✓ replay_procedure  first    ") })
    }

    @Test("a failure three levels down names the chain and the failing step's position; the JSON nests")
    func threeLevels() throws {
        let library = try ComposeFixture("three-levels")
        defer { library.remove() }
        let output = try library.run(["run", "top.yaml"])
        #expect(output.status == 1)
        #expect(
            output.stdout.contains("error: top › middle › bottom › build_image failed at inner/bottom.yaml:8:5: expected exit code 0, got 3"),
            "stdout was:\n\(output.stdout)")
        #expect(!library.folder.exists("after-marker"))

        let json = try library.run(["run", "top.yaml", "--json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains(#""chain":["top","middle","bottom","build_image"],"failed_at":"inner/bottom.yaml:8:5","steps":[{"step":1,"id":"low""#))
        #expect(json.stdout.contains(#""chain":["middle","bottom","build_image"],"failed_at":"inner/bottom.yaml:8:5","steps":[{"step":1,"id":"fine""#))
        #expect(json.stdout.contains(#"{"step":2,"id":"build_image","action":"shell","status":"failed""#))

        let quiet = try library.run(["run", "top.yaml", "--quiet"])
        #expect(quiet.stderr.contains("top › middle › bottom › build_image failed at inner/bottom.yaml:8:5"))
    }

    @Test("A → B → A is rejected by check and before any step runs", arguments: ["check", "run"])
    func cycle(command: String) throws {
        let library = try ComposeFixture("cycle")
        defer { library.remove() }
        let output = try library.run([command, "a.yaml"])
        #expect(output.status == 2)
        #expect(!library.anythingRan)
        #expect(output.stderr.contains("b.yaml:7:29: error: procedure call cycle: a › b › a;"), "stderr was:\n\(output.stderr)")
        #expect(output.stderr.contains("a.yaml:6:13: note: 'a' calls 'b' here\n"))
        #expect(output.stderr.contains("note: 'b' calls 'a' here, which closes the cycle"))
    }

    @Test("self-recursion is rejected by check and before any step runs", arguments: ["check", "run"])
    func selfRecursion(command: String) throws {
        let library = try ComposeFixture("self-recursion")
        defer { library.remove() }
        let output = try library.run([command, "loop.yaml"])
        #expect(output.status == 2)
        #expect(!library.anythingRan)
        #expect(output.stderr.hasPrefix("loop.yaml:6:13: error: procedure 'loop' calls itself: loop › loop;"), "stderr was:\n\(output.stderr)")
    }

    @Test("a diamond is not a cycle: it runs, and the shared callee runs once per call")
    func diamond() throws {
        let library = try ComposeFixture("diamond")
        defer { library.remove() }
        let check = try library.run(["check", "a.yaml"])
        #expect(check.status == 0, "stderr was:\n\(check.stderr)")
        let output = try library.run(["run", "a.yaml"])
        #expect(output.status == 0, "stdout was:\n\(output.stdout)")
        #expect(try library.folder.read("visits.txt") == "d from b\nd from c\n")
    }

    @Test("a missing procedure is an error with did-you-mean, in both forms")
    func missing() throws {
        let library = try ComposeFixture("missing")
        defer { library.remove() }
        let output = try library.run(["run", "main.yaml"])
        #expect(output.status == 2)
        #expect(!library.anythingRan)
        #expect(BrokenFixtureTests.diagnostics(in: output.stderr, for: "main.yaml") == [
            "6:29: error: no procedure named 'deploy_bakend' in the library folder '.'; did you mean 'deploy_backend'?",
            "7:13: error: unknown action 'deploy_bakend'; did you mean 'deploy_backend'?",
        ])
    }

    @Test(
        "a reference cannot leave the library",
        arguments: [
            ("parent.yaml", "6:29: error: procedure reference '../../etc/passwd' leaves the library folder '.'"),
            ("absolute.yaml", "6:29: error: procedure reference '/etc/passwd' is an absolute path; a reference is a procedure name or a path inside the library folder '.'"),
            ("inner.yaml", "6:29: error: procedure reference 'sub/../../outside.yaml' leaves the library folder '.'"),
        ])
    func traversal(file: String, expected: String) throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        for command in ["check", "run"] {
            let output = try library.run([command, file])
            #expect(output.status == 2)
            #expect(BrokenFixtureTests.diagnostics(in: output.stderr, for: file) == [expected], "stderr was:\n\(output.stderr)")
        }
        #expect(!library.anythingRan)
    }

    @Test("a templated reference that resolves outside the library fails the run before step 1, at the template")
    func templatedTraversal() throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        let inside = try library.run(["run", "templated.yaml"])
        #expect(inside.status == 0, "stdout was:\n\(inside.stdout)")
        try library.folder.write("ran-marker", "")
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["rm", library.path + "/ran-marker"]))

        let outside = try library.run(["run", "templated.yaml", "--set", "target=../../../etc/passwd"])
        #expect(outside.status == 1)
        #expect(outside.stdout.contains("error: templated.yaml:7:30: procedure reference '../../../etc/passwd' leaves the library folder '.'"), "stdout was:\n\(outside.stdout)")
        #expect(!library.anythingRan)
    }

    @Test("a symbolic link out of the library is refused")
    func symlinkTraversal() throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try outside.write("evil.yaml", "name: evil\nsteps:\n  - {action: shell, parameters: {command: touch ran-marker}}\n")
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["ln", "-s", outside.path + "/evil.yaml", library.path + "/sub/link.yaml"]))
        let output = try library.run(["run", "templated.yaml", "--set", "target=sub/link.yaml"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("error: templated.yaml:7:30: procedure reference 'sub/link.yaml' resolves outside the library folder '.'"), "stdout was:\n\(output.stdout)")
        #expect(!outside.exists("ran-marker"))
    }

    @Test("a syntax error in a called file is reported at its own file:line:col", arguments: ["check", "run"])
    func nestedSyntaxError(command: String) throws {
        let library = try ComposeFixture("nested-syntax")
        defer { library.remove() }
        let output = try library.run([command, "main.yaml"])
        #expect(output.status == 2)
        #expect(!library.anythingRan)
        #expect(BrokenFixtureTests.diagnostics(in: output.stderr, for: "broken.yaml") == [
            "4:27: error: syntax: the quoted scalar opened here is never closed: expected a closing double quote, found the end of the file",
        ])
        #expect(output.stderr.contains("main.yaml:5:13: note: called from here\n"))
    }

    @Test("inputs are checked against the callee's declarations; errors name the call site and the declaration")
    func inputMismatch() throws {
        let library = try ComposeFixture("type-mismatch")
        defer { library.remove() }
        let output = try library.run(["check", "main.yaml"])
        #expect(output.status == 2)
        #expect(BrokenFixtureTests.diagnostics(in: output.stderr, for: "main.yaml") == [
            "8:42: error: input 'replicas' of procedure 'scale' expects an integer, found the string 'many'",
            "12:40: error: input 'replicas' of procedure 'scale' expects an integer, found a boolean",
            "13:13: error: procedure 'scale' needs input 'service'; pass it in 'parameters'",
        ])
        #expect(output.stderr.contains("scale.yaml:4:3: note: input 'replicas' is declared here\n"))
        #expect(output.stderr.contains("scale.yaml:3:3: note: input 'service' is declared here\n"))
        let run = try library.run(["run", "main.yaml"])
        #expect(run.status == 2)
        #expect(!library.anythingRan)
    }

    @Test("two files claiming one name is an error listing both")
    func duplicateNames() throws {
        let library = try ComposeFixture("duplicate")
        defer { library.remove() }
        let output = try library.run(["check", "main.yaml"])
        #expect(output.status == 2)
        #expect(BrokenFixtureTests.diagnostics(in: output.stderr, for: "main.yaml") == [
            "3:13: error: procedure name 'helper' is claimed by more than one file (helper.yaml and team/helper-copy.yaml); names must be unique in a library"
        ])
        // Each claim is shown where it is written.
        #expect(output.stderr.contains("helper.yaml:1:7: note: also claimed here\n"), "\(output.stderr)")
    }

    @Test("a call step's timeout bounds the whole callee")
    func callTimeout() throws {
        let library = try ComposeFixture("call-timeout")
        defer { library.remove() }
        let started = ContinuousClock.now
        let output = try library.run(["run", "caller.yaml"])
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(output.status == 1)
        #expect(output.stdout.contains("error: caller › slow › wait failed at slow.yaml:3:5: timed out after 300ms"), "stdout was:\n\(output.stdout)")
        #expect(!library.anythingRan)
    }

    @Test("the composed example in procedures/ runs")
    func composedExample() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let procedures = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: ProcrunBinary.fixtures))) + "/procedures"
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", procedures + "/.", folder.path]))
        let output = try ProcrunBinary.run(["run", "deploy_full_stack.yaml", "--set", "tag=v9", "--json"], in: folder.path)
        #expect(output.status == 0, "stdout was:\n\(output.stdout)\nstderr was:\n\(output.stderr)")
        #expect(output.stdout.contains(#""outputs":{"backend":"sha256:"#))
        #expect(try folder.read(".state/deployed-staging").hasPrefix("frontend@sha256:"))
    }
}

/// `procrun list`, `show` and `graph` on the fixture libraries.
@Suite("library commands", .serialized)
struct LibraryCommandTests {
    @Test("list shows every procedure of the library, subfolders included")
    func list() throws {
        let library = try ComposeFixture("nested-call")
        defer { library.remove() }
        let output = try library.run(["list"])
        #expect(output.status == 0)
        #expect(output.stdout == """
            NAME     DESCRIPTION                                                 TAGS              FILE
            greet    builds a greeting                                           helper            helpers/greet.yaml
            release  calls a helper twice, in both forms, and reads its outputs  compose, example  release.yaml

            """, "stdout was:\n\(output.stdout)")
    }

    @Test("list reports two files claiming one name")
    func listDuplicates() throws {
        let library = try ComposeFixture("duplicate")
        defer { library.remove() }
        let output = try library.run(["list"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("team/helper-copy.yaml:1:7: error: procedure name 'helper' is claimed by more than one file"))
    }

    @Test("show prints the procedure and its call tree")
    func show() throws {
        let library = try ComposeFixture("diamond")
        defer { library.remove() }
        let output = try library.run(["show", "a"])
        #expect(output.status == 0)
        #expect(output.stdout.hasSuffix("""
            call tree:
            a
            ├─ left → b (b.yaml)
            │  └─ #1 → d (d.yaml)
            └─ right → c (c.yaml)
               └─ #1 → d (d.yaml)

            """), "stdout was:\n\(output.stdout)")
    }

    @Test("show refuses a procedure whose call graph has a cycle")
    func showCycle() throws {
        let library = try ComposeFixture("cycle")
        defer { library.remove() }
        let output = try library.run(["show", "a.yaml"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("error: procedure call cycle: a › b › a"))
    }

    @Test("graph prints Mermaid and DOT")
    func graph() throws {
        let library = try ComposeFixture("diamond")
        defer { library.remove() }
        let mermaid = try library.run(["graph", "a"])
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout == """
            flowchart TD
                n0["a"]
                n1["b"]
                n2["c"]
                n3["d"]
                n0 -->|"left"| n1
                n0 -->|"right"| n2
                n1 -->|"#1"| n3
                n2 -->|"#1"| n3

            """)
        let dot = try library.run(["graph", "a", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph calls {\n"))
        #expect(dot.stdout.contains("    n1 -> n3 [label=\"#1\"];\n"))
        let bad = try library.run(["graph", "a", "--format", "svg"])
        #expect(bad.status == 2)
    }

    @Test("graph shows a templated call as a dashed edge resolved at run time")
    func graphDynamic() throws {
        let library = try ComposeFixture("traversal")
        defer { library.remove() }
        let output = try library.run(["graph", "templated.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("    n1{{\"{{ inputs.target }}\"}}\n"), "stdout was:\n\(output.stdout)")
        #expect(output.stdout.contains("    n0 -.->|\"call\"| n1\n"))
    }
}
