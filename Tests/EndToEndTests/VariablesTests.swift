import Testing

/// Variables `vars:` declares in `procrun.yaml` and in a procedure (grammar.md, "Variables";
/// issue 27, point 2): constants and `{sh: COMMAND}` values computed once per run, at the first
/// read, shared by called procedures and parallel steps; checked before the run.
@Suite("variables", .serialized)
struct VariablesTests {
    /// A library whose `version` appends a line to `count.txt` each time its command runs, and a
    /// procedure that reads it from two parallel steps (first, at once), three steps and a callee.
    static func counterLibrary() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("procrun.yaml", """
            vars:
              version: {sh: "echo once >> count.txt && printf '1.2.3\\\\n\\\\n'"}
              tag: "v{{ vars.version }}"

            """)
        _ = try folder.write("callee.yaml", "name: callee\nsteps:\n  - {action: log, parameters: {message: \"callee {{ vars.version }}\"}}\n")
        _ = try folder.write("main.yaml", """
            name: main
            vars:
              label: "release {{ vars.tag }}"
            steps:
              - parallel:
                  steps:
                    - {id: p1, action: log, parameters: {message: "p1 {{ vars.label }}"}}
                    - {id: p2, action: log, parameters: {message: "p2 {{ vars.version }}"}}
              - {id: one, action: log, parameters: {message: "one {{ vars.version }}"}}
              - {id: two, action: shell, parameters: {command: "echo two {{ vars.version }}"}}
              - {id: three, action: callee}
              - {id: count, action: shell, parameters: {command: "cat count.txt"}}
              - {action: log, parameters: {message: "two said '{{ steps.two.stdout }}'; the command ran {{ steps.count.stdout | lines | length }} time(s)"}}

            """)
        return folder
    }

    @Test("a sh variable runs once per run, however many steps, callees and parallel steps read it; its trailing line endings are dropped")
    func computedOnce() throws {
        let folder = try Self.counterLibrary()
        defer { folder.remove() }
        try ProcrunBinary.expect(["run", "main", "--no-learn"], in: folder.path, stdout: """
            ▶ main (main.yaml, 8 steps)
                2/8 ✓ log       p1     <duration>
                  p1 release v1.2.3
                3/8 ✓ log       p2     <duration>
                  p2 1.2.3
              1/8 ✓ parallel  #1     <duration>
              4/8 ✓ log       one    <duration>
                  one 1.2.3
              5/8 ✓ shell     two    <duration>
              6/8 ↳ callee    three  calls callee (callee.yaml)
                  1/1 ✓ log  #1  <duration>
                      callee 1.2.3
              6/8 ✓ callee    three  <duration>
              7/8 ✓ shell     count  <duration>
              8/8 ✓ log       #8     <duration>
                  two said 'two 1.2.3'; the command ran 1 time(s)
            ✓ main succeeded in <duration>: 7 succeeded

            """, normalizing: [.durations])
        #expect(try folder.read("count.txt") == "once\n")
        // A dry run runs no command: it says where a computed value goes.
        try ProcrunBinary.expect(["run", "main", "--no-learn", "--dry-run"], in: folder.path, stdout: """
            ▶ main (main.yaml, 8 steps)
                2/8 ✓ log       p1     (dry run)
                  p1 release v<vars.version: computed when run>
                3/8 ✓ log       p2     (dry run)
                  p2 <vars.version: computed when run>
              1/8 ✓ parallel  #1     (dry run)
              4/8 ✓ log       one    (dry run)
                  one <vars.version: computed when run>
              5/8 ✓ shell     two    (dry run)
                  $ echo two '<vars.version: computed when run>'
              6/8 ↳ callee    three  calls callee (callee.yaml)
                  1/1 ✓ log  #1  (dry run)
                      callee <vars.version: computed when run>
              6/8 ✓ callee    three  (dry run)
              7/8 ✓ shell     count  (dry run)
                  $ cat count.txt
              8/8 ✓ log       #8     (dry run)
                  two said '<steps.two.stdout: unknown in a dry run>'; the command ran 1 time(s)
            ✓ main dry run, nothing ran: 7 would run

            """, normalizing: [.durations])
        #expect(try folder.read("count.txt") == "once\n")
        // check, list and show never run a command.
        _ = try ProcrunBinary.run(["check"], in: folder.path)
        _ = try ProcrunBinary.run(["list"], in: folder.path)
        _ = try folder.write("versions.yaml", """
            name: versions
            vars:
              n: 3
              commit: {sh: "git rev-parse --short HEAD"}
            steps:
              - {action: log, parameters: {message: "{{ vars.commit }} {{ vars.n }}"}}

            """)
        try ProcrunBinary.expect(["show", "versions"], in: folder.path, stdout: """
            versions (versions.yaml)

            vars:
              n       constant  3
              commit  sh        git rev-parse --short HEAD

            steps:
              1  #1  log

            call tree:
            versions
              (calls no procedure)

            """)
        let shown = try ProcrunBinary.run(["show", "main", "--json"], in: folder.path)
        #expect(shown.stdout.contains(#""vars":[{"name":"label","kind":"constant","value":"release {{ vars.tag }}"}]"#))
        #expect(try folder.read("count.txt") == "once\n")
    }

    @Test("a sh variable that fails fails each step that reads it, at its command, with its exit code and the end of its stderr, secrets masked; a skipped step does not compute one")
    func failure() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("fail.yaml", """
            name: fail
            vars:
              broken: {sh: "echo first >&2; echo 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789' >&2; exit 3"}
              skipped: {sh: "echo ran >> skipped.txt"}
            steps:
              - {action: log, when: false, parameters: {message: "{{ vars.skipped }}"}}
              - {action: log, parameters: {message: "{{ vars.broken }}"}, on_failure: continue}
              - {action: log, parameters: {message: "again {{ vars.broken }}"}}

            """)
        try ProcrunBinary.expect(["run", "fail", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ fail (fail.yaml, 3 steps)
              1/3 - log  #1  skipped
              2/3 ✗ log  #2  <duration>
                  error: fail.yaml:3:16: variable 'broken': its command exited with code 3: first; token ***
                    broken: {sh: "echo first >&2; echo 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789' >&2; exit 3"}
                                 ^
              3/3 ✗ log  #3  <duration>
                  error: fail.yaml:3:16: variable 'broken': its command exited with code 3: first; token ***
                    broken: {sh: "echo first >&2; echo 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789' >&2; exit 3"}
                                 ^
            ✗ fail failed in <duration>: 0 succeeded, 2 failed, 1 skipped; first failure: step 2

            """, normalizing: [.durations])
        #expect(throws: (any Error).self) { try folder.read("skipped.txt") }
    }

    @Test("a sh variable's command is bounded by defaults.timeout; one that cannot run says why")
    func timeoutAndMissingProgram() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "defaults: {timeout: 1s}\n")
        _ = try folder.write("slow.yaml", """
            name: slow
            vars:
              slow: {sh: "sleep 30"}
              missing: {sh: "nosuchprogram-x --version"}
            steps:
              - {action: log, parameters: {message: "{{ vars.slow }}"}, on_failure: continue}
              - {action: log, parameters: {message: "{{ vars.missing }}"}}

            """)
        try ProcrunBinary.expect(["run", "slow", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ slow (slow.yaml, 2 steps)
              1/2 ✗ log  #1  <duration>
                  error: slow.yaml:3:14: variable 'slow': its command timed out after 1s
                    slow: {sh: "sleep 30"}
                               ^
              2/2 ✗ log  #2  <duration>
                  error: slow.yaml:4:17: variable 'missing': its command could not run: command not found: 'nosuchprogram-x'
                    missing: {sh: "nosuchprogram-x --version"}
                                  ^
            ✗ slow failed in <duration>: 0 succeeded, 2 failed; first failure: step 1

            """, normalizing: [.durations])
    }

    @Test("a run's record for --resume keeps what set steps set, never a declared variable's value; a resumed run computes it again")
    func resume() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("r.yaml", """
            name: r
            vars:
              value: {sh: "echo run >> count.txt && echo tok-4711"}
              constant: "c-{{ vars.value }}"
            steps:
              - {action: set, parameters: {seen: "{{ vars.constant }}"}}
              - {id: last, action: shell, parameters: {command: "test -f ok.txt && echo {{ vars.value }} {{ vars.seen }}"}}

            """)
        try ProcrunBinary.expect(["run", "r", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ r (r.yaml, 2 steps)
              1/2 ✓ set    #1    <duration>
              2/2 ✗ shell  last  <duration>
                  error: expected exit code 0, got 1
            ✗ r failed in <duration>: 1 succeeded, 1 failed; first failure: step 2 (last)

            """, normalizing: [.durations])
        let record = try ProcrunBinary.runShell(["sh", "-c", "cat .procrun/runs/r/*.json"], in: folder.path)
        #expect(record.contains(#""vars":{"seen":"c-tok-4711"}"#), "\(record)")
        _ = try folder.write("ok.txt", "")
        try ProcrunBinary.expect(["run", "r", "--no-learn", "--resume", "--json"], in: folder.path, stdout: """
            {"procedure":"r","file":"r.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":null,"action":"set",\
            "status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":2,"id":"last","action":"shell","status":"success",\
            "outcome":"tok-4711 c-tok-4711","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(try folder.read("count.txt") == "run\nrun\n")
    }

    @Test("check reports what a variable may not read, a set step assigning a declared variable, and a misspelt one with its suggestion")
    func check() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "vars:\n  version: {sh: git describe --tags}\n  shared: lib\n")
        _ = try folder.write("bad.yaml", """
            name: bad
            vars:
              shared: "{{ vars.shared }}"
              own: "{{ steps.one.stdout }} {{ vars.later }}"
              later: "{{ os.name }} {{ vars.version }}"
            steps:
              - {id: one, action: log, parameters: {message: "{{ vars.versoin }}"}}
              - {action: set, parameters: {version: 1, fine: 2}}

            """)
        try ProcrunBinary.expect(["check"], in: folder.path, status: 2, stdout: "ok: procrun.yaml: library with 0 actions\n", stderr: """
            bad.yaml:3:15: error: variable 'shared' cannot read itself: a variable reads only the variables declared above it, so variables never form a cycle
              shared: "{{ vars.shared }}"
                          ^
            bad.yaml:4:12: error: variable 'own' cannot read 'steps': a variable reads only inputs, env, os and the variables declared above it
              own: "{{ steps.one.stdout }} {{ vars.later }}"
                       ^
            bad.yaml:4:35: error: variable 'own' cannot read 'vars.later', declared below it: a variable reads only the variables declared above it, so variables never form a cycle
              own: "{{ steps.one.stdout }} {{ vars.later }}"
                                              ^
            bad.yaml:7:54: error: undefined name 'vars.versoin'; did you mean 'vars.version'?
              - {id: one, action: log, parameters: {message: "{{ vars.versoin }}"}}
                                                                 ^
            bad.yaml:8:32: error: 'set' cannot assign variable 'version': 'vars' declares it, and a name has one meaning; set another name
              - {action: set, parameters: {version: 1, fine: 2}}
                                           ^
            procrun.yaml:2:3: note: variable 'version' is declared here
              version: {sh: git describe --tags}
              ^
            5 problems found in 2 files

            """)
    }
}
