import ProcrunKit
import Testing

/// ``StepAligner``: which step of each recording is the same step of the procedure.
@Suite("step alignment")
struct StepAlignerTests {
    func shell(_ command: String) -> RecordedStep {
        .shell(command, output: "", exitCode: 0, durationMilliseconds: 1)
    }

    /// Each column as the recordings that performed it and each one's command: `0 git tag v1 | 1 git tag v2`.
    func layout(_ traces: [[String]]) -> [String] {
        StepAligner().align(traces.map { $0.map(shell) }).map { column in
            column.steps.keys.sorted().map { "\($0) \(column.steps[$0]?.command ?? "")" }.joined(separator: " | ")
        }
    }

    @Test("the program of a command: wrappers and assignments skipped, the subcommand kept for git and the like")
    func program() {
        #expect(StepAligner.program(of: "git tag v1.4.1") == "git_tag")
        #expect(StepAligner.program(of: "sudo FOO=1 env make install") == "make")
        #expect(StepAligner.program(of: "VERSION=1.2.0 make release") == "make")
        #expect(StepAligner.program(of: "docker build -t app .") == "docker_build")
        #expect(StepAligner.program(of: "echo deploy --replicas 2") == "echo")
        #expect(StepAligner.program(of: "") == "shell")
    }

    @Test("two programs are never paired, however alike their words")
    func neverTwoPrograms() {
        let aligner = StepAligner()
        #expect(aligner.likeness(shell("git status"), shell("git diff")) == 0)
        #expect(aligner.likeness(shell("make test"), shell("cmake test")) == 0)
        #expect(layout([["git status"], ["git diff"]]) == ["0 git status", "1 git diff"])
        #expect(layout([["git status --short", "make"], ["git diff --short", "make"]]) == ["0 git status --short", "1 git diff --short", "0 make | 1 make"])
    }

    @Test("git's -C and -c options are not its subcommand: git -C repo status is never git -C repo diff")
    func gitOptionsBeforeSubcommand() {
        #expect(StepAligner.program(of: "git -C repo status") == "git_status")
        #expect(StepAligner.program(of: "git -c core.pager=cat log") == "git_log")
        #expect(StepAligner().likeness(shell("git -C repo status"), shell("git -C repo diff")) == 0)
        #expect(layout([["git -C repo status"], ["git -C repo diff"]]) == ["0 git -C repo status", "1 git -C repo diff"])
    }

    @Test("steps of different actions or parameter names are never the same step")
    func differentParameters() {
        let aligner = StepAligner()
        let write = RecordedStep(action: "write_file", parameters: ["path": "a.txt", "content": "x"])
        #expect(aligner.likeness(write, RecordedStep(action: "write_file", parameters: ["path": "a.txt"])) == 0)
        #expect(aligner.likeness(write, RecordedStep(action: "log", parameters: ["path": "a.txt", "content": "x"])) == 0)
        #expect(aligner.likeness(write, RecordedStep(action: "write_file", parameters: ["path": "b.txt", "content": "x"])) == 0.75)
    }

    @Test("likeness: shared words in order over the longer; every number the same word; the same shape outside quotes")
    func likeness() {
        let aligner = StepAligner()
        #expect(aligner.likeness(shell("git tag v1.4.0"), shell("git tag v1.4.0")) == 1)
        #expect(aligner.likeness(shell("echo deploy --replicas 2 --env qa"), shell("echo deploy --replicas 5 --env qa")) == 1)
        #expect(aligner.likeness(shell("git commit -qm 'fix rounding'"), shell("git commit -qm 'add csv export to the report'")) == 0.6)
    }

    @Test("steps performed in another order are joined into one step, where more recordings have it")
    func swappedPair() {
        let a = ["sed -i s/1.4.0/1.4.1/ setup.cfg", "echo '## 1.4.1' >> CHANGELOG.md", "git commit -qam release"]
        let b = ["echo '## 1.4.2' >> CHANGELOG.md", "sed -i s/1.4.1/1.4.2/ setup.cfg", "git commit -qam release"]
        let c = ["sed -i s/1.4.2/1.5.0/ setup.cfg", "echo '## 1.5.0' >> CHANGELOG.md", "git commit -qam release"]
        #expect(
            layout([a, b, c]) == [
                "0 sed -i s/1.4.0/1.4.1/ setup.cfg | 1 sed -i s/1.4.1/1.4.2/ setup.cfg | 2 sed -i s/1.4.2/1.5.0/ setup.cfg",
                "0 echo '## 1.4.1' >> CHANGELOG.md | 1 echo '## 1.4.2' >> CHANGELOG.md | 2 echo '## 1.5.0' >> CHANGELOG.md",
                "0 git commit -qam release | 1 git commit -qam release | 2 git commit -qam release",
            ])
    }

    @Test("a step only one recording performed is left unpaired, in its place")
    func optionalStep() {
        let a = ["make test", "git tag v1.4.0", "echo deploy --replicas 2 --env staging"]
        let b = ["make test", "git tag v1.4.1", "echo notify slack", "echo deploy --replicas 3 --env staging"]
        let c = ["make test", "git tag v1.4.2", "echo deploy --replicas 5 --env production"]
        #expect(
            layout([a, b, c]) == [
                "0 make test | 1 make test | 2 make test",
                "0 git tag v1.4.0 | 1 git tag v1.4.1 | 2 git tag v1.4.2",
                "1 echo notify slack",
                "0 echo deploy --replicas 2 --env staging | 1 echo deploy --replicas 3 --env staging | 2 echo deploy --replicas 5 --env production",
            ])
    }

    @Test("a step repeated in one recording is paired once; the extra one stays its own step")
    func repeatedStep() {
        #expect(layout([["make test", "make test"], ["make test"]]) == ["0 make test | 1 make test", "0 make test"])
    }
}
