import ProcrunKit
import Testing

/// `procrun review` on a scripted history: a step removed by optimize, a step added, runs with
/// failures, a file that stops parsing, a file added; whole outputs compared in all three formats.
@Suite("learning: procrun review", .serialized)
struct ReviewTests {
    static let deploy = """
        name: deploy
        description: Ship the service.
        version: 1
        inputs:
          tag: {type: string, default: latest}
        steps:
          - id: test
            action: log
            parameters: {message: testing}
          - action: fail
            on_failure: continue
            parameters: {message: "lint: 2 warnings"}
          - id: ship
            action: log
            parameters: {message: "shipping {{ inputs.tag }}"}

        """

    /// The history: v1 (three failing runs), then optimize, two good runs, a new step with runs
    /// that fail twice of three, a file broken and one added: v2.
    static func history(_ folder: TemporaryFolder) throws {
        try folder.write("deploy.yaml", deploy)
        try folder.write("lib/broken.yaml", "name: broken\nsteps:\n  - action: log\n    parameters: {message: fine}\n")
        try folder.write("lib/steady.yaml", "name: steady\nsteps:\n  - action: log\n    parameters: {message: unchanged}\n")
        try folder.write("notes.yaml", "just: some settings\n")
        try folder.write("lib/old.yaml", "name: old\nsteps:\n  - action: log\n    parameters: {message: retired}\n")
        for _ in 0..<3 { _ = try ProcrunBinary.run(["run", "--quiet", "deploy.yaml"], in: folder.path) }
        try ReviewableStatsTests.repository(folder)
        try GitMergeTests.git(["tag", "v1"], folder)

        try ProcrunBinary.expect(
            ["optimize", "--write", "deploy.yaml"], in: folder.path,
            stdout: """
                remove: step 2 ('fail#4e34b446'): 3 of 3 runs failed; last error: lint: 2 warnings
                --- a/deploy.yaml
                +++ b/deploy.yaml
                @@ -1,15 +1,12 @@
                 name: deploy
                 description: Ship the service.
                -version: 1
                +version: 2
                 inputs:
                   tag: {type: string, default: latest}
                 steps:
                   - id: test
                     action: log
                     parameters: {message: testing}
                -  - action: fail
                -    on_failure: continue
                -    parameters: {message: "lint: 2 warnings"}
                   - id: ship
                     action: log
                     parameters: {message: "shipping {{ inputs.tag }}"}
                @@ -23,5 +20,4 @@
                   last_executed: "<time>"  # run <run>
                   steps:
                     test: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
                -    fail#4e34b446: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: <ms>, last_error: "lint: 2 warnings"}
                     ship: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
                written: deploy.yaml (version 2)

                """, normalizing: [.durationFields, .timestamps, .runIDs])
        try GitMergeTests.git(["commit", "-q", "-am", "optimize"], folder)
        try GitMergeTests.runs(0, folder)
        for _ in 0..<2 { _ = try ProcrunBinary.run(["run", "--quiet", "deploy.yaml"], in: folder.path) }
        try GitMergeTests.git(["commit", "-q", "-am", "two good runs"], folder)

        var text = try folder.read("deploy.yaml")
        text = text.replacingAll("  tag: {type: string, default: latest}\n", with: "  tag: {type: string, default: latest}\n  region: {type: string, default: eu}\n")
        text = text.replacingAll("shipping {{ inputs.tag }}", with: "shipping {{ inputs.tag }} to {{ inputs.region }}")
        text = text.replacingAll("\nstats:", with: "\n  - id: smoke\n    action: shell\n    on_failure: continue\n    parameters: {command: test -f ready}\nstats:")
        try folder.write("deploy.yaml", text)
        for _ in 0..<2 { _ = try ProcrunBinary.run(["run", "--quiet", "deploy.yaml"], in: folder.path) }
        try folder.write("ready", "")
        try ProcrunBinary.expect(["run", "--quiet", "deploy.yaml"], in: folder.path)
        try folder.write("lib/broken.yaml", "name: broken\nsteps: [\n  - action: log\n")
        try folder.write("added.yaml", "name: added\nsteps:\n  - action: log\n    parameters: {message: one}\n  - action: log\n    parameters: {message: two}\n")
        try folder.write("notes.yaml", "just: other settings\n")
        try FileSystem.remove(folder.path + "/lib/old.yaml")
        try GitMergeTests.git(["add", "-A"], folder)
        try GitMergeTests.git(["commit", "-q", "-m", "smoke"], folder)
        try GitMergeTests.git(["tag", "v2"], folder)
    }

    static let text = """
        review: v1 -> v2: 4 procedure files changed

        added.yaml (added)
          authored:
            new procedure with 2 steps
          record: no new runs

        deploy.yaml (modified)
          authored:
            step added: 'smoke' (shell)
            step removed: #2 (fail)
            step changed: 'ship' (log)
            input added: 'region'
            version: 1 -> 2
          record:
            runs: 3 -> 8 (+5)
            success rate: 0.0% -> 37.5%
            newly failed: 'smoke' failed 2 of 3 new runs: last error: expected exit code 0, got 1
            optimize would remove: 'smoke' (shell): 2 of 3 runs failed

        lib/broken.yaml (modified)
          does not read at v2: lib/broken.yaml:3:3: error: structure: did not find expected node content while parsing a flow node

        lib/old.yaml (removed)
          authored:
            procedure removed (it had 1 step)

        """

    static let markdown = """
        ## procrun review

        `v1` → `v2`: 4 procedure files changed.

        ### `added.yaml` (added)

        **Authored changes:**

        - new procedure with 2 steps

        **Record:** no new runs.

        ### `deploy.yaml` (modified)

        **Authored changes:**

        - step added: `smoke` (shell)
        - step removed: `#2` (fail)
        - step changed: `ship` (log)
        - input added: `region`
        - version: 1 -> 2

        **Record:**

        | | before | after |
        | --- | --- | --- |
        | runs | 3 | 8 |
        | success rate | 0.0% | 37.5% |

        - newly failed: `smoke` failed 2 of 3 new runs: last error: expected exit code 0, got 1
        - optimize would remove: `smoke` (shell): 2 of 3 runs failed

        ### `lib/broken.yaml` (modified)

        > **Does not read at `v2`:** `lib/broken.yaml:3:3: error: structure: did not find expected node content while parsing a flow node`

        ### `lib/old.yaml` (removed)

        **Authored changes:**

        - procedure removed (it had 1 step)

        """

    static let json = """
        {"base":"v1","head":"v2","files":[\
        {"file":"added.yaml","status":"added","problems":[],"authored":{"steps":2,"steps_added":[],"steps_removed":[],"steps_changed":[],\
        "inputs_added":[],"inputs_removed":[],"inputs_changed":[],"outputs_added":[],"outputs_removed":[],"outputs_changed":[],"other_keys":[]},\
        "record":{"runs_before":0,"runs_after":0,"success_rate_before":0.000,"success_rate_after":0.000,"newly_failed":[],"newly_slow":[],\
        "optimize_would_remove":[],"orphans":[]}},\
        {"file":"deploy.yaml","status":"modified","problems":[],"authored":{"steps_added":[{"key":"smoke","step":"smoke","action":"shell"}],\
        "steps_removed":[{"key":"fail#4e34b446","step":"#2","action":"fail"}],"steps_changed":[{"key":"ship","step":"ship","action":"log"}],\
        "inputs_added":["region"],"inputs_removed":[],"inputs_changed":[],"outputs_added":[],"outputs_removed":[],"outputs_changed":[],\
        "version":{"before":"1","after":"2"},"other_keys":[]},\
        "record":{"runs_before":3,"runs_after":8,"success_rate_before":0.000,"success_rate_after":0.375,\
        "newly_failed":[{"key":"smoke","step":"smoke","action":"shell","failures":2,"runs":3,"last_error":"expected exit code 0, got 1"}],\
        "newly_slow":[],"optimize_would_remove":[{"key":"smoke","step":"smoke","action":"shell","failures":2,"runs":3}],"orphans":[]}},\
        {"file":"lib/broken.yaml","status":"modified","problems":[{"side":"head","message":\
        "lib/broken.yaml:3:3: error: structure: did not find expected node content while parsing a flow node"}]},\
        {"file":"lib/old.yaml","status":"removed","problems":[],"authored":{"steps":1,"steps_added":[],"steps_removed":[],"steps_changed":[],\
        "inputs_added":[],"inputs_removed":[],"inputs_changed":[],"outputs_added":[],"outputs_removed":[],"outputs_changed":[],"other_keys":[]}}]}

        """

    @Test("review v1 v2 in text, Markdown and JSON: whole outputs")
    func threeFormats() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.history(folder)
        for (format, expected) in [("text", Self.text), ("markdown", Self.markdown), ("json", Self.json)] {
            try ProcrunBinary.expect(["review", "v1", "v2", "--format", format], in: folder.path, status: 1, stdout: expected)
        }
        // The paths are the repository's, from a folder below too.
        try ProcrunBinary.expect(["review", "v1", "v2"], in: folder.path + "/lib", status: 1, stdout: Self.text)
    }

    @Test("BASE defaults to the merge base with the upstream branch, else HEAD; HEAD to the working tree")
    func defaults() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.history(folder)
        try ProcrunBinary.expect(["run", "--quiet", "deploy.yaml"], in: folder.path)
        try ProcrunBinary.expect(["review"], in: folder.path, stdout: """
            review: HEAD -> the working tree: 1 procedure file changed

            deploy.yaml (modified)
              authored: no change
              record:
                runs: 8 -> 9 (+1)
                success rate: 37.5% -> 44.4%

            """)
        try GitMergeTests.git(["branch", "-q", "released", "v1"], folder)
        try GitMergeTests.git(["branch", "-q", "--set-upstream-to=released"], folder)
        let base = try GitMergeTests.git(["rev-parse", "v1"], folder).stdout.text.prefix(10)
        try ProcrunBinary.expect(["review", "--format", "json"], in: folder.path, status: 1, stdout: """
            {"base":"\(base) (the merge base with released)","head":"the working tree","files":[{"file":"added.yaml",\
            "status":"added","problems":[],"authored":{"steps":2,"steps_added":[],"steps_removed":[],"steps_changed":[],\
            "inputs_added":[],"inputs_removed":[],"inputs_changed":[],"outputs_added":[],"outputs_removed":[],"outputs_changed":[],\
            "other_keys":[]},"record":{"runs_before":0,"runs_after":0,"success_rate_before":0.000,"success_rate_after":0.000,\
            "newly_failed":[],"newly_slow":[],"optimize_would_remove":[],"orphans":[]}},{"file":"deploy.yaml","status":"modified",\
            "problems":[],"authored":{"steps_added":[{"key":"smoke","step":"smoke","action":"shell"}],\
            "steps_removed":[{"key":"fail#4e34b446","step":"#2","action":"fail"}],"steps_changed":[{"key":"ship","step":"ship",\
            "action":"log"}],"inputs_added":["region"],"inputs_removed":[],"inputs_changed":[],"outputs_added":[],\
            "outputs_removed":[],"outputs_changed":[],"version":{"before":"1","after":"2"},"other_keys":[]},\
            "record":{"runs_before":3,"runs_after":9,"success_rate_before":0.000,"success_rate_after":0.444,\
            "newly_failed":[{"key":"smoke","step":"smoke","action":"shell","failures":2,"runs":4,"last_error":"expected exit code 0,\
             got 1"}],"newly_slow":[],"optimize_would_remove":[],"orphans":[]}},{"file":"lib/broken.yaml","status":"modified",\
            "problems":[{"side":"head",\
            "message":"lib/broken.yaml:3:3: error: structure: did not find expected node content while parsing a flow node"}]},\
            {"file":"lib/old.yaml","status":"removed","problems":[],"authored":{"steps":1,"steps_added":[],"steps_removed":[],\
            "steps_changed":[],"inputs_added":[],"inputs_removed":[],"inputs_changed":[],"outputs_added":[],"outputs_removed":[],\
            "outputs_changed":[],"other_keys":[]}}]}

            """)
        try ProcrunBinary.expect(["review", "nosuchrevision"], in: folder.path, status: 2, stderr: "error: unknown revision 'nosuchrevision': not a commit of this repository\n")
        try ProcrunBinary.expect(["review", "v1", "nosuchhead"], in: folder.path, status: 2, stderr: "error: unknown revision 'nosuchhead': not a commit of this repository\n")
    }

    @Test("on a local branch without upstream, BASE is the merge base with the default branch, and review says which")
    func localBranch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("deploy.yaml", Self.deploy)
        try ReviewableStatsTests.repository(folder)
        try GitMergeTests.git(["checkout", "-q", "-b", "feature"], folder)
        try folder.write("deploy.yaml", Self.deploy.replacing("description: Ship the service.", with: "description: Ship the service, carefully."))
        try GitMergeTests.git(["commit", "-q", "-am", "describe"], folder)
        let base = try GitMergeTests.git(["rev-parse", "main"], folder).stdout.text.prefix(10)
        try ProcrunBinary.expect(["review"], in: folder.path, stdout: """
            review: \(base) (the merge base with main) -> the working tree: 1 procedure file changed

            deploy.yaml (modified)
              authored:
                also changed: 'description'
              record: no new runs

            """)
    }
}
