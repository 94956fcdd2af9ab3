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
        let output = try TemporaryFolder()
        defer { output.remove() }
        let skills = output.path + "/skills"
        let first = try ProcrunBinary.run(["export", "--skills", skills, "--library", library.path, "--json"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        guard case .list(let written)? = AgentFixture.object(first.stdout)?["written"] else {
            Issue.record("no 'written' in \(first.stdout)")
            return
        }
        #expect(written.count == 4)
        let skill = try output.read("skills/greet/SKILL.md")
        #expect(skill.hasPrefix("---\nname: greet\ndescription: \"greets someone by name. Use it when you need to greet (hello, welcome)"))
        #expect(skill.contains("procrun run \(library.path)/greet.yaml --set who=WHO --json"))
        #expect(skill.contains("| who | string | yes |  | who to greet |"))
        #expect(try output.read("skills/greet/greet.yaml") == library.read("greet.yaml"))
        #expect(output.exists("skills/broken-step/SKILL.md"))

        let again = try ProcrunBinary.run(["export", "--skills", skills, "--library", library.path, "--json"])
        #expect(again.status == 0)
        #expect(AgentFixture.object(again.stdout)?["written"] == .list([]))
        #expect(try output.read("skills/greet/SKILL.md") == skill)

        // A procedure that is gone loses its folder; a folder procrun did not write is left alone.
        try output.write("skills/mine/SKILL.md", "---\nname: mine\n---\n")
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["rm", library.path + "/broken_step.yaml"]))
        let third = try ProcrunBinary.run(["export", "--skills", skills, "--library", library.path, "--json"])
        #expect(AgentFixture.object(third.stdout)?["removed"] == .list([.string(skills + "/broken-step")]))
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
