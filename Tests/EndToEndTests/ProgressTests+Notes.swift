import ProcrunKit
import Testing

extension ProgressTests {
    @Test("a failed step's notes are shown under its error, each line, credential-shaped strings masked; a step that succeeds shows none")
    func failureNotes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "deploy.yaml",
            """
            name: deploy
            steps:
              - id: login
                action: shell
                parameters: {command: "true"}
                notes: never shown, the step succeeds
              - id: push
                action: shell
                parameters: {command: "false"}
                notes: |-
                  the VPN must be up: run 'vpn up' first
                  (the old token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB no longer works)

            """)
        try ProcrunBinary.expect(["deploy.yaml", "--no-learn"], in: folder.path, status: 1, stdout: """
            ▶ deploy (deploy.yaml, 2 steps)
              1/2 ✓ shell  login  <duration>
              2/2 ✗ shell  push   <duration>
                  error: expected exit code 0, got 1
                  note: the VPN must be up: run 'vpn up' first
                        (the old token *** no longer works)
            ✗ deploy failed in <duration>: 1 succeeded, 1 failed; first failure: step 2 (push)

            """, normalizing: [.durations])
    }
}
