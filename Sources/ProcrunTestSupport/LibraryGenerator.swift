import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
package import ProcrunText

/// Writes a synthetic library of procedures for benchmarks and large-library tests: realistic
/// names, descriptions, tags, shell steps and stats, the same for the same seed.
///
/// ```swift
/// try LibraryGenerator(seed: 7).generate(count: 10_000, into: "/tmp/big-library")
/// // then: procrun find "rotate the database certificates" --library /tmp/big-library
/// ```
package struct LibraryGenerator {
    /// The seed: the same seed writes the same library.
    package var seed: UInt64

    static let verbs = ["deploy", "build", "test", "backup", "restore", "migrate", "rotate", "provision", "scale", "monitor", "audit",
        "clean", "release", "rollback", "index", "sync", "archive", "upgrade", "benchmark", "validate"]
    static let objects = ["backend", "frontend", "database", "cache", "queue", "certificates", "logs", "metrics", "cluster", "gateway",
        "search", "billing", "auth", "storage", "mailer", "scheduler", "dashboard", "pipeline", "registry", "firewall"]
    static let places = ["staging", "production", "eu-west", "us-east", "development", "the lab", "the edge", "kubernetes"]
    static let tools = ["make", "kubectl", "terraform", "ansible-playbook", "docker", "psql", "helm", "rsync", "curl", "git"]

    /// A generator with a seed.
    package init(seed: UInt64 = 1) {
        self.seed = seed
    }

    /// Writes `count` procedures into `folder` (created if needed, with an empty `procrun.yaml`);
    /// returns their paths.
    @discardableResult
    package func generate(count: Int, into folder: String) throws(FileSystem.Failure) -> [String] {
        try FileSystem.createDirectories(folder)
        try FileSystem.write(Array("actions: {}\n".utf8), to: FileSystem.join(folder, Library.configName))
        var random = SplitMix64(seed: seed)
        var paths: [String] = []
        for number in 0..<count {
            let verb = Self.verbs[random.next(below: Self.verbs.count)]
            let object = Self.objects[random.next(below: Self.objects.count)]
            let place = Self.places[random.next(below: Self.places.count)]
            let name = "\(verb)_\(object)_\(number)"
            let runs = random.next(below: 40)
            let successes = runs == 0 ? 0 : random.next(below: runs + 1)
            var draft = ProcedureDraft(
                name: name, description: "\(verb.capitalizedFirst) the \(object) in \(place), then check that it worked.", steps: [])
            draft.tags = [verb, object]
            for step in 0..<(2 + random.next(below: 5)) {
                var draftStep = DraftStep(action: "shell")
                let tool = Self.tools[random.next(below: Self.tools.count)]
                draftStep.parameters = [("command", .text([.text("\(tool) \(step == 0 ? verb : Self.verbs[random.next(below: Self.verbs.count)]) \(object) --env \(place)")]))]
                draftStep.exitCode = 0
                draft.steps.append(draftStep)
            }
            var text = ProcedureWriter.text(draft)
            if runs > 0 {
                let average = 100 + random.next(below: 5000)
                text += "\nstats:\n  execution_count: \(runs)\n  successes: \(successes)\n  failures: \(runs - successes)\n"
                text += "  success_rate: \(Double(successes) / Double(runs))\n  total_duration_ms: \(average * runs)\n  avg_duration_ms: \(average)\n"
            }
            let path = FileSystem.join(folder, name + ".yaml")
            try FileSystem.write(Array(text.utf8), to: path)
            paths.append(path)
        }
        return paths
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
