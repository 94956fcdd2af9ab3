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
        try ProcrunBinary.expect(["run", "deploy.yaml", "--no-learn", "-q"], in: folder.path, status: 1, stderr: "deploy.yaml: step 4 (push) failed: expected exit code 0, got 1\n")
        let kept = try records(in: folder).joined(separator: "\n")
        WholeText.expect(kept, equals: """
            {"finished":true,"inputs":{},"key":"<tmp>/deploy.yaml","procedure":"deploy","secret_derived":[0,1,3],"secret_inputs":[],\
            "started":"<time>","steps":[{"index":0,"status":"success","value":null},{"index":2,"status":"success",\
            "value":{"attempts":1,"duration_ms":<ms>,"exit_code":0,"outcome":"public","outputs":{},"status":"success","stderr":"",\
            "stdout":"public"}},{"index":3,"status":"failed","value":null}],"success":false,"vars":{},\
            "fingerprints":"a9195eeeb96d4f5eb6e723a4e10339fc"}
            """, "the run record and its journal", normalizing: [.durationFields, .timestamps, .temporaryFolders])
        #expect(!kept.isEmpty)
        _ = try folder.write("ready", "")
        try ProcrunBinary.expect(["run", "deploy.yaml", "--resume", "--no-learn", "--json"], in: folder.path, stdout: """
            {"procedure":"deploy","file":"deploy.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,\
            "id":"derive","action":"shell","status":"success","outcome":"4Wv2Zm9Kx7Q-kot","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":2,"id":null,"action":"set","status":"success","outcome":"","duration_ms":<ms>,\
            "error":null,"attempts":1},{"step":3,"id":"plain","action":"shell","status":"success","outcome":"public",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":4,"id":"push","action":"shell","status":"success",\
            "outcome":"pushed","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        // The steps that derived the value ran again; the others before the failure were restored.
    }
}
