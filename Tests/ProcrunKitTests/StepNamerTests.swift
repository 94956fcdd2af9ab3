@testable import ProcrunKit
@testable import ProcrunLanguage
@testable import ProcrunMemory
import Testing

/// ``StepNamer``: the ids of recorded steps, read from their commands with procrun's scanner.
@Suite("step names")
struct StepNamerTests {
    static let commands: [(String, String)] = [
        ("make", "make"),
        ("make -j4 calc", "make"),
        ("git tag v1.4.2", "git_tag"),
        ("git -C app tag -a v1.4.2 -m 'release'", "git_tag"),
        ("git --no-pager log --oneline", "git_log"),
        ("docker compose up -d", "docker_compose"),
        ("kubectl -n prod get pods", "kubectl_get"),
        ("npm run build", "npm_run"),
        ("cargo build --release", "cargo_build"),
        ("go test ./...", "go_test"),
        ("sudo systemctl restart nginx", "systemctl_restart"),
        ("pip install -r requirements.txt", "pip_install"),
        ("git", "git"),
        ("git ./path", "git"),
        ("curl -fsS https://example.com/health", "curl"),
        ("python3 -c 'print(1)'", "python3"),
        ("/usr/bin/python3 manage.py migrate", "python3"),
        ("./scripts/deploy.sh staging", "deploy_sh"),
        ("FOO=1 BAR=two make test", "make"),
        ("sudo -u deploy env -i PATH=/bin time -p nohup make", "make"),
        ("env -- make", "make"),
        ("nice -n 10 tar czf out.tgz src", "tar"),
        ("make && ./calc 2 3", "make"),
        ("cat log.txt | grep error | wc -l", "cat"),
        ("make 2>&1 | tee build.log", "make"),
        ("cd app && make test", "make"),
        ("cd app", "cd"),
        ("(cd app; npm test)", "npm_test"),
        ("echo \"$(date)\" > stamp", "echo"),
        ("if make; then echo ok; fi", "make"),
        ("for f in a b; do wc -l $f; done", "wc"),
        ("'my tool' --flag", "my_tool"),
        ("7z x archive.7z", "step_7z"),
        ("Rscript analysis.R", "rscript"),
        ("", "shell"),
        ("# only a comment", "shell"),
        ("FOO=1", "shell"),
    ]

    @Test("a command is named after its program, and subcommand for the tools that have one", arguments: commands)
    func names(command: String, expected: String) {
        #expect(StepNamer.name(command: command) == expected)
    }

    @Test("every name is an identifier of at most 40 characters")
    func identifiers() {
        let long = String(repeating: "very-long-program-name-", count: 4)
        for text in ["é-only", "---", "__x__", long, "a..b", "ÄÖÜ tool"] {
            let name = StepNamer.name(command: text)
            #expect(NodeReader.isIdentifier(name) && !name.contains("-") && name.count <= StepNamer.maxLength, "\(text) gave \(name)")
            #expect(!name.hasSuffix("_") && !name.contains("__"), "\(text) gave \(name)")
        }
        #expect(StepNamer.identifier("run-tests", fallback: "x") == "run_tests")
        #expect(StepNamer.identifier("42", fallback: "x") == "step_42")
        #expect(StepNamer.identifier("---", fallback: "x") == "x")
    }

    @Test("names are made unique in order; other actions keep their own name")
    func unique() {
        let steps: [RecordedStep] = [
            .shell("make", output: "", exitCode: 0, durationMilliseconds: 0),
            .shell("make clean", output: "", exitCode: 0, durationMilliseconds: 0),
            RecordedStep(action: "log", parameters: ["message": "hi"]),
            .shell("git tag v1", output: "", exitCode: 0, durationMilliseconds: 0),
            RecordedStep(action: "deploy-app", parameters: ["to": "prod"]),
            .shell("make_2", output: "", exitCode: 0, durationMilliseconds: 0),
            RecordedStep(action: "log", parameters: ["message": "bye"]),
        ]
        #expect(StepNamer.ids(for: steps) == ["make", "make_2", "log", "git_tag", "deploy_app", "make_2_2", "log_2"])
        var taken: Set<String> = ["build"]
        #expect(StepNamer.unique("build", in: &taken) == "build_2")
        #expect(StepNamer.unique("build", in: &taken) == "build_3")
        #expect(StepNamer.unique("test", in: &taken) == "test")
        #expect(taken == ["build", "build_2", "build_3", "test"])
    }
}
