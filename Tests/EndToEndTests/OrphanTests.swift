import Glibc
import ProcrunKit
import Testing

/// Processes a step leaves behind are ended when the run ends, unless the step says `keep_running`.
@Suite("orphan processes", .serialized)
struct OrphanTests {
    func isRunning(_ pid: Int32) -> Bool { ProcessProbe.isRunning(pid) }

    @Test("a background grandchild is gone after the run, a keep_running step's is not, and --verbose says so")
    func grandchild() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/grandchild.yaml")
        try ProcrunBinary.expect(["run", "grandchild.yaml", "--verbose", "--no-learn"], in: folder.path, stdout: """
            ▶ grandchild (grandchild.yaml, 2 steps)
              1/2 … shell  forgets
              1/2 ✓ shell  forgets  <duration>
              2/2 … shell  service
              2/2 ✓ shell  service  <duration>
              ended the processes that step grandchild › forgets left running (process group <pid>)
            ✓ grandchild succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations, .processIDs])
        let orphan = try #require(Int32(try folder.read("orphan.pid").filter(\.isNumber)))
        let service = try #require(Int32(try folder.read("service.pid").filter(\.isNumber)))
        defer { kill(service, SIGKILL) }
        var waited = 0
        while isRunning(orphan) && waited < 50 {
            usleep(100_000)
            waited += 1
        }
        #expect(!isRunning(orphan), "the background process \(orphan) outlived the run")
        #expect(isRunning(service), "the keep_running step's process \(service) was ended")
    }
}
