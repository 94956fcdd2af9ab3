import ProcrunKit
import Testing

/// `procrun export --skills DIR` writes one Agent Skill per procedure, idempotently.
@Suite("skills export", .serialized)
struct ExportTests {
    @Test("each procedure gets a folder with SKILL.md and the procedure file; re-export changes nothing")
    func export() throws {
        let library = try TemporaryFolder()
        defer { library.remove() }
        for name in ["greet.yaml", "broken_step.yaml"] { _ = try library.copy(AgentFixture.mcp + "/library/" + name) }
        // One run first: the copy leaves its stats block out, SKILL.md says it in one line.
        try ProcrunBinary.expect(["run", "--quiet", "greet.yaml", "--set", "who=Ada"], in: library.path)
        let output = try TemporaryFolder()
        defer { output.remove() }
        let skills = output.path + "/skills"
        try ProcrunBinary.expect(["export", "--skills", skills, "--library", library.path, "--json"], stdout: """
            {"removed":[],"superseded":[],"unchanged":[],"written":["<output>/skills/broken-step/broken_step.yaml",\
            "<output>/skills/broken-step/SKILL.md","<output>/skills/greet/greet.yaml","<output>/skills/greet/SKILL.md"]}

            """, normalizing: [.path(output.path, as: "<output>")])
        let skill = try output.read("skills/greet/SKILL.md")
        WholeText.expect(skill, equals: """
            ---
            name: greet
            description: "greets someone by name. Use it when you need to greet (hello, welcome), instead of running the steps by hand: procrun checks the procedure, runs it and learns from every run."
            ---

            <!-- written by procrun export --skills; edit the procedure, not this file -->

            # greet

            greets someone by name

            ## How to run it

            Run it with procrun from any folder of the repository that holds the library (elsewhere, add `--library DIR`); `--json` prints a machine-readable report:

            ```sh
            procrun run greet --set who=WHO --json
            ```

            The run is checked before anything starts, and its outcome is recorded in the procedure's `stats` block. Exit status 0 means every step succeeded, 1 that a step failed (the report says which and why), 2 that the inputs or the file are invalid.

            Its record: 1 run, 100.0% succeeded, average <duration>, last on <time>.

            ## Inputs

            | name | type | required | default | description |
            | --- | --- | --- | --- | --- |
            | who | string | yes |  | who to greet |
            | times | integer | no | 1 |  |

            Pass each as `--set NAME=VALUE`.

            ## Outputs

            The report's `outputs` holds: `greeting`.

            ## Steps

            1. `shell` (say)
                ```sh
                $ echo hello, {{ inputs.who }}
                ```

            The procedure itself is [greet.yaml](greet.yaml), a copy of `greet.yaml` in the library, without its stats block; edit the original, then run `procrun export --skills` again.

            """, "SKILL.md", normalizing: [.durations, .timestamps])
        #expect(!skill.contains(library.path), "SKILL.md names the exporting machine's library path")
        let original = try library.read("greet.yaml")
        #expect(original.contains("\nstats:\n"))
        #expect(try output.read("skills/greet/greet.yaml") == String(original[..<original.firstRange(of: "\nstats:\n")!.lowerBound]) + "\n")
        #expect(output.exists("skills/broken-step/SKILL.md"))

        try ProcrunBinary.expect(["export", "--skills", skills, "--library", library.path, "--json"], stdout: """
            {"removed":[],"superseded":[],"unchanged":["<output>/skills/broken-step/broken_step.yaml",\
            "<output>/skills/broken-step/SKILL.md","<output>/skills/greet/greet.yaml","<output>/skills/greet/SKILL.md"],"written":[]}

            """, normalizing: [.path(output.path, as: "<output>")])
        #expect(try output.read("skills/greet/SKILL.md") == skill)

        // A procedure that is gone loses its folder; a folder procrun did not write is left alone.
        try output.write("skills/mine/SKILL.md", "---\nname: mine\n---\n")
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["rm", library.path + "/broken_step.yaml"]))
        try ProcrunBinary.expect(["export", "--skills", skills, "--library", library.path, "--json"], stdout: """
            {"removed":["<output>/skills/broken-step"],"superseded":[],"unchanged":["<output>/skills/greet/greet.yaml",\
            "<output>/skills/greet/SKILL.md"],"written":[]}

            """, normalizing: [.path(output.path, as: "<output>")])
        #expect(!output.exists("skills/broken-step"))
        #expect(output.exists("skills/mine/SKILL.md"))
        #expect(output.exists("skills/greet/SKILL.md"))
    }

    @Test("skill names are lowercase with single hyphens")
    func names() {
        #expect(SkillsExporter.skillName("deploy_backend") == "deploy-backend")
        #expect(SkillsExporter.skillName("Fix__Bug-2") == "fix-bug-2")
    }
}
