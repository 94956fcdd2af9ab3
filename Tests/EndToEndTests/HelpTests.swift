import ProcrunKit
import Testing

/// `--help` ends with examples to copy (issue 25, point 10) for the commands people start with.
@Suite("help")
struct HelpTests {
    /// The `Examples:` block of `procrun COMMAND --help`.
    static func examples(_ command: String) throws -> String {
        let lines = try ProcrunBinary.run([command, "--help"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.drop { $0 != "Examples:" }.prefix { !$0.isEmpty }.joined(separator: "\n")
    }

    @Test("run's help shows its examples")
    func runExamples() throws {
        WholeText.expect(try Self.examples("run"), equals: """
            Examples:
              # run a procedure by its name, with an input
              procrun run hello --set name=Ada
              # run a file, with an input
              procrun run procedures/deploy_backend.yaml --set tag=v1.4.2
              # print each step as it would run, and run nothing
              procrun deploy_backend --dry-run
              # rerun the last failed run from its failed step
              procrun deploy_backend --resume
              # start at a step, the earlier ones' results taken from the last run
              procrun deploy_backend --from push
              # the words after -- are the value of the input declared rest: true
              procrun test -- -v --nocapture
              # the report as JSON, for a script or an agent
              procrun deploy_backend --json --no-learn > report.json
            """, "run --help")
    }

    @Test("check, record, find, stats, review and new show examples of themselves", arguments: ["check", "record", "find", "stats", "review", "new"])
    func examples(command: String) throws {
        let examples = try Self.examples(command)
        let lines = examples.split(separator: "\n").dropFirst()
        #expect(lines.count >= 2 && lines.count % 2 == 0, "\(examples)")
        for (index, line) in lines.enumerated() {
            #expect(line.hasPrefix(index % 2 == 0 ? "  # " : "  procrun \(command)"), "\(examples)")
            #expect(line.count <= 80)
        }
    }
}
