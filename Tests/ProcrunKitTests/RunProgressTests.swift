import ProcrunKit
@testable import ProcrunMemory
import Testing

/// How `run_procedure` turns a child's step events into progress, and the event lines themselves.
@Suite("run progress")
struct RunProgressTests {
    final class Sent: @unchecked Sendable {
        var updates: [MCPProgress] = []
    }

    @Test("an event line reads back as the event it was written from")
    func lineRoundTrip() {
        let events = [
            StepEvent(.started, number: 2, total: 4, id: "build", action: "shell"),
            StepEvent(.finished, number: 2, total: 4, id: nil, action: "shell", status: "failed", durationMilliseconds: 1200, error: "expected exit code 0, got 3"),
            StepEvent(.finished, number: 4, total: 4, id: "deploy", action: "shell", status: "skipped", durationMilliseconds: 0),
        ]
        for event in events { #expect(StepEvent(line: event.line) == event) }
        #expect(events[0].line == #"{"event":"step_started","step":2,"total":4,"id":"build","action":"shell"}"#)
        for line in ["", "not json", #"{"event":"step_paused","step":1,"total":1,"action":"log"}"#, #"{"event":"step_started","step":"1","total":1,"action":"log"}"#] {
            #expect(StepEvent(line: line) == nil, "\(line)")
        }
    }

    @Test("each start and finish is an update: steps finished so far, the total, a line, and the reason of a failure")
    func updates() {
        let sent = Sent()
        let progress = RunProgress { sent.updates.append($0) }
        for event in [
            StepEvent(.started, number: 1, total: 4, id: "build", action: "shell"),
            StepEvent(.finished, number: 1, total: 4, id: "build", action: "shell", status: "success", durationMilliseconds: 1234),
            StepEvent(.started, number: 2, total: 4, id: nil, action: "shell"),
            StepEvent(.finished, number: 2, total: 4, id: nil, action: "shell", status: "failed", durationMilliseconds: 5, error: "expected exit code 0, got 3"),
            StepEvent(.finished, number: 3, total: 4, id: "deploy", action: "shell", status: "skipped", durationMilliseconds: 0),
            StepEvent(.finished, number: 4, total: 4, id: "say", action: "log", status: "planned", durationMilliseconds: 0),
        ] {
            progress.take(event.line)
        }
        progress.take("a line that is no event")
        #expect(sent.updates == [
            MCPProgress(progress: 0, total: 4, message: "step 1/4 build: running"),
            MCPProgress(progress: 1, total: 4, message: "step 1/4 build: success (1.23s)"),
            MCPProgress(progress: 1, total: 4, message: "step 2/4 shell: running"),
            MCPProgress(progress: 2, total: 4, message: "step 2/4 shell: failed (5ms)", failure: "step 2/4 shell failed: expected exit code 0, got 3"),
            MCPProgress(progress: 3, total: 4, message: "step 3/4 deploy: skipped"),
            MCPProgress(progress: 4, total: 4, message: "step 4/4 say: planned"),
        ])
    }
}
