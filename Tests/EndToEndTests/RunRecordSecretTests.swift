import Foundation
import ProcrunKit
import Testing

/// Run records keep no secret and nothing derived from one; a resume derives it again.
@Suite("run records without secrets", .serialized)
struct RunRecordSecretTests {
    static let token = "tok-Q7xK9mZ2vW4"
    static let reversed = String(token.reversed())
    static let credential = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB"

    static let procedure = """
        name: deploy
        dotenv: [{path: secret.env, secret: true}]
        steps:
          - id: derive
            action: shell
            parameters: {command: 'printf %s "$TOKEN" | rev'}
          - action: set
            parameters: {auth: "{{ steps.derive.outcome }}"}
          - id: plain
            action: shell
            parameters: {command: echo public}
          - id: push
            action: shell
            parameters:
              command: 'test -f ready || { echo "login failed with \(credential.prefix(4))""\(credential.dropFirst(4))"; exit 1; }; test "$AUTH" = "\(reversed)" && echo pushed'
              env: {AUTH: "{{ vars.auth }}"}

        """

    /// Every file under `.procrun/runs`, read.
    func records(in folder: TemporaryFolder) throws -> [String] {
        let base = folder.path + "/.procrun/runs/deploy"
        return try FileSystem.contents(of: base).map { try folder.read(".procrun/runs/deploy/" + $0) }
    }

    @Test("a record and its journal hold neither the .env secret, nor a value derived from it, nor credential-shaped output; --resume derives it again")
    func keptOut() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("deploy.yaml", Self.procedure)
        _ = try folder.write("secret.env", "TOKEN=\(Self.token)\n")
        let failed = try ProcrunBinary.run(["run", "deploy.yaml", "--no-learn", "-q"], in: folder.path)
        #expect(failed.status == 1, "stdout was:\n\(failed.stdout)")
        let kept = try records(in: folder).joined(separator: "\n")
        #expect(!kept.isEmpty)
        for secret in [Self.token, Self.reversed, Self.credential] {
            #expect(!kept.contains(secret), "the run record holds \(secret):\n\(kept)")
        }
        #expect(kept.contains("\"secret_derived\":[0,1,3]"), "records were:\n\(kept)")
        #expect(kept.contains("public"), "a result not derived from a secret is kept:\n\(kept)")
        _ = try folder.write("ready", "")
        let resumed = try ProcrunBinary.run(["run", "deploy.yaml", "--resume", "--no-learn", "--json"], in: folder.path)
        #expect(resumed.status == 0, "stdout was:\n\(resumed.stdout)\nstderr was:\n\(resumed.stderr)")
        let steps = AgentFixture.steps(AgentFixture.object(resumed.stdout))
        // The steps that derived the value ran again; the others before the failure were restored.
        #expect(steps.map { $0["status"] } == [.string("success"), .string("success"), .string("success"), .string("success")])
        #expect(steps.last?["outcome"] == .string("pushed"))
    }
}
