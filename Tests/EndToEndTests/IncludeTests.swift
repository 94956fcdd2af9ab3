import ProcrunKit
import Testing

/// `include:` (grammar.md, "Includes"; issue 27, point 9): another library's procedures under a
/// prefix, each run with its own library's `procrun.yaml`, seen by every command; mistakes in an
/// `include:` entry stop everything before a run, at the entry.
@Suite("includes", .serialized)
struct IncludeTests {
    /// A repository whose `procedures/` includes `docs/procedures` as `docs`: docs' own
    /// `procrun.yaml` sets a bash shell, `defaults.cwd: ../site` and a variable the main library
    /// sets too; its `build` (alias `b`) calls its internal `prepare` as written.
    static func repository() throws -> TemporaryFolder {
        try TemporaryFolder(files: [
            (".git/HEAD", ""),
            ("procedures/procrun.yaml", "include:\n  docs: ../docs/procedures\nvars:\n  greeting: hello from main\n"),
            ("procedures/release.yaml", """
                name: release
                description: Build the docs, then release.
                needs: [docs:prepare]
                steps:
                  - id: docs
                    action: docs:build
                    parameters: {target: pdf}
                  - action: log
                    parameters: {message: "{{ vars.greeting }}"}

                """),
            ("docs/procedures/procrun.yaml", "defaults:\n  cwd: ../site\n  shell: bash -euo pipefail\nvars:\n  greeting: hello from docs\n"),
            ("docs/procedures/build.yaml", """
                name: build
                description: Build the documentation site.
                aliases: [b]
                inputs:
                  target: {type: string, default: html}
                steps:
                  - action: shell
                    parameters: {command: 'echo "{{ vars.greeting }} in $(basename "$PWD"), bash: ${BASH_VERSION:+yes}, target {{ inputs.target }}"'}
                  - action: prepare

                """),
            ("docs/procedures/prepare.yaml", "name: prepare\ninternal: true\nsteps:\n  - action: log\n    parameters: {message: prepared}\n"),
            ("docs/site/index.md", "# docs\n"),
        ])
    }

    @Test("docs:build runs with its own library's shell, vars and working folder; a call step and a need of the including library reach it")
    func runs() throws {
        let folder = try Self.repository()
        defer { folder.remove() }
        try ProcrunBinary.expect(["docs:build", "-v", "--no-learn"], in: folder.path, stdout: """
            ▶ build (docs/procedures/build.yaml, 2 steps)
              1/2 … shell    #1
            hello from docs in site, bash: yes, target html
              1/2 ✓ shell    #1  <duration>
              2/2 ↳ prepare  #2  calls prepare (docs/procedures/prepare.yaml)
                  1/1 … log  #1
                  1/1 ✓ log  #1  <duration>
                      prepared
              2/2 ✓ prepare  #2  <duration>
            ✓ build succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["run", "release", "--no-learn"], in: folder.path, stdout: """
            ▶ release (procedures/release.yaml, 2 steps)
              needs ↳ docs:prepare  calls prepare (docs/procedures/prepare.yaml)
                  1/1 ✓ log  #1  <duration>
                      prepared
              needs ✓ docs:prepare  <duration>
              1/2 ↳ docs:build  docs  calls build (docs/procedures/build.yaml)
                  1/2 ✓ shell    #1  <duration>
                  2/2 ↳ prepare  #2  calls prepare (docs/procedures/prepare.yaml)
                      1/1 ✓ log  #1  <duration>
                          prepared
                  2/2 ✓ prepare  #2  <duration>
              1/2 ✓ docs:build  docs  <duration>
              2/2 ✓ log         #2    <duration>
                  hello from main
            ✓ release succeeded in <duration>: 3 succeeded

            """, normalizing: [.durations])
        // A run learns as any run does: the included procedures' stats go into their own files.
        try ProcrunBinary.expect(["release", "-q"], in: folder.path)
        #expect(try folder.statsBlock("docs/procedures/build.yaml").contains("\n  execution_count: 1\n"))
        #expect(try folder.statsBlock("docs/procedures/prepare.yaml").contains("\n  execution_count: 2\n"))
        #expect(try folder.statsBlock("procedures/release.yaml").contains("\n  execution_count: 1\n"))
        // `default:` may name one too.
        try folder.write("procedures/procrun.yaml", "include:\n  docs: ../docs/procedures\ndefault: docs:b\n")
        let alone = try ProcrunBinary.run([], in: folder.path)
        #expect(alone.status == 0 && alone.stdout.hasPrefix("▶ build (docs/procedures/build.yaml, 2 steps)\n"), "\(alone)")
        let shown = MCPToolbox(root: folder.path + "/procedures").call("show_procedure", arguments: ["name": .string("docs:b")])
        #expect(shown.text.hasPrefix(#"{"name":"build","file":""#), "\(shown.text)")
    }

    @Test("list shows included procedures by their prefixed names (internal ones left out), find finds them, graph draws edges across, check checks both libraries")
    func commands() throws {
        let folder = try Self.repository()
        defer { folder.remove() }
        try ProcrunBinary.expect(["list"], in: folder.path, stdout: """
            NAME        ALIASES  DESCRIPTION                    TAGS  FILE
            docs:build  docs:b   Build the documentation site.        docs/procedures/build.yaml
            release              Build the docs, then release.        procedures/release.yaml

            """)
        try ProcrunBinary.expect(["list", "--json"], in: folder.path, stdout: """
            {"procedures":[{"aliases":["docs:b"],"description":"Build the documentation site.","file":"docs/procedures/build.yaml","name":"docs:build","tags":[]},\
            {"aliases":[],"description":"Build the docs, then release.","file":"procedures/release.yaml","name":"release","tags":[]}]}

            """)
        try ProcrunBinary.expect(["find", "build the documentation site", "--limit", "1"], in: folder.path, stdout: """
            1. docs:build  score 1.62  never run  docs/procedures/build.yaml
               Build the documentation site.

            """)
        try ProcrunBinary.expect(["graph", "release"], in: folder.path, stdout: """
            flowchart TD
                n0["release"]
                n1["docs:prepare"]
                n2["docs:build"]
                n0 -->|"needs"| n1
                n0 -->|"docs"| n2
                n2 -->|"#2"| n1

            """)
        try ProcrunBinary.expect(["check"], in: folder.path, stdout: """
            ok: procedures/procrun.yaml: library with 0 actions
            ok: procedures/release.yaml: 'release', 2 steps, calls 2 procedures
            ok: docs/procedures/procrun.yaml: library with 0 actions
            ok: docs/procedures/build.yaml: 'build', 2 steps, calls 1 procedure
            ok: docs/procedures/prepare.yaml: 'prepare', 1 step

            """)
        try ProcrunBinary.expect(["docs:prepare"], in: folder.path, status: 2, stderr: """
            docs/procedures/prepare.yaml:2:11: error: procedure 'prepare' is internal: it runs only when another procedure calls it (called by 'build')
            internal: true
                      ^

            """)
        try ProcrunBinary.expect(["docs:bild"], in: folder.path, status: 2, stderr: """
            error: no procedure named 'docs:bild' in the library folder 'docs/procedures'; did you mean 'docs:build'?

            """)
        try ProcrunBinary.expect(["dcs:build"], in: folder.path, status: 2, stderr: """
            error: no procedure named 'dcs:build': the library folder 'procedures' includes no library as 'dcs'; did you mean 'docs'?

            """)
    }

    @Test("an internal procedure of an included library that the including library calls is not reported as never called; one nothing calls is")
    func internalCalledAcross() throws {
        let folder = try TemporaryFolder(files: [
            (".git/HEAD", ""),
            ("procedures/procrun.yaml", "include:\n  docs: ../docs\n"),
            ("procedures/ship.yaml", "name: ship\nsteps:\n  - action: docs:stage\n"),
            ("docs/procrun.yaml", ""),
            ("docs/stage.yaml", "name: stage\ninternal: true\nsteps:\n  - action: log\n    parameters: {message: staged}\n"),
            ("docs/orphan.yaml", "name: orphan\ninternal: true\nsteps:\n  - action: log\n    parameters: {message: never}\n"),
        ])
        defer { folder.remove() }
        try ProcrunBinary.expect(["check"], in: folder.path, stdout: """
            ok: procedures/procrun.yaml: library with 0 actions
            ok: procedures/ship.yaml: 'ship', 1 step, calls 1 procedure
            ok: docs/procrun.yaml: library with 0 actions
            ok: docs/orphan.yaml: 'orphan', 1 step
            ok: docs/stage.yaml: 'stage', 1 step

            """, stderr: """
            docs/orphan.yaml:2:11: warning: procedure 'orphan' is internal, but no procedure of the library calls it, so it never runs
            internal: true
                      ^

            """)
    }

    @Test("an include cycle, a missing folder and a folder holding no library are errors at the include entry, before anything runs")
    func mistakes() throws {
        let folder = try TemporaryFolder(files: [
            ("a/procrun.yaml", "include:\n  b: ../b\n"),
            ("a/hello.yaml", "name: hello\nsteps:\n  - action: log\n    parameters: {message: hi}\n"),
            ("b/procrun.yaml", "include:\n  a: ../a\n"),
            ("c/procrun.yaml", "include:\n  docs: ../nowhere\n  empty: ../a/notes\n"),
            ("d/procrun.yaml", "include:\n  docs: ../a\n  docs: ../b\n"),
            ("a/notes/todo.txt", "nothing\n"),
        ])
        defer { folder.remove() }
        try ProcrunBinary.expect(["check", "--library", "a"], in: folder.path, status: 2, stderr: """
            b/procrun.yaml:2:6: error: include cycle: a › b › a; a library may not include itself, directly or through others
              a: ../a
                 ^
            a/procrun.yaml:2:6: note: included here as 'b'
              b: ../b
                 ^

            """)
        try ProcrunBinary.expect(["hello", "--library", "a"], in: folder.path, status: 2, stderr: """
            b/procrun.yaml:2:6: error: include cycle: a › b › a; a library may not include itself, directly or through others
              a: ../a
                 ^
            a/procrun.yaml:2:6: note: included here as 'b'
              b: ../b
                 ^

            """)
        try ProcrunBinary.expect(["list", "--library", "d"], in: folder.path, status: 2, stderr: """
            d/procrun.yaml:3:3: error: duplicate key 'docs' (first defined at line 2, column 3)
              docs: ../b
              ^

            """)
        try ProcrunBinary.expect(["check", "--library", "c"], in: folder.path, status: 2, stderr: """
            c/procrun.yaml:2:9: error: the folder '../nowhere' of include 'docs' does not exist (looked for c/../nowhere); a relative path is taken from the folder of the file that sets it
              docs: ../nowhere
                    ^
            c/procrun.yaml:3:10: error: the folder '../a/notes' of include 'empty' holds no library: neither a procrun.yaml nor a procedure file
              empty: ../a/notes
                     ^

            """)
    }
}
