import Glibc
import ProcrunKit
import Testing

/// When procrun is killed (SIGKILL, no cleanup of its own), the processes its steps started die
/// with it, except those of `keep_running` steps.
@Suite("the death of procrun", .serialized)
struct ProcrunDeathTests {
    /// Starts `procrun run killed.yaml`, waits for the marker files of the group `late`, kills
    /// procrun with SIGKILL and returns the shell's report of how procrun ended.
    func runAndKill(in folder: TemporaryFolder) throws -> String {
        let script = """
            "$1" run killed.yaml --no-learn > out.txt 2>&1 & pid=$!
            while kill -0 $pid 2> /dev/null && { [ ! -e direct.pid ] || [ ! -e shell.pid ] || [ ! -e starting.pid ]; }; do
              sleep 0.02
            done
            kill -KILL $pid
            wait $pid
            echo $?
            """
        let spec = ProcessSpec(
            arguments: ["sh", "-c", script, "sh", ProcrunBinary.path], workingDirectory: folder.path, timeout: .seconds(60))
        return try ProcessRunner.run(spec).stdout.text
    }

    func pid(_ name: String, in folder: TemporaryFolder) throws -> Int32 {
        try #require(Int32(try folder.read(name).filter(\.isNumber)), "\(name) holds no process id")
    }

    /// Polls until none of `pids` runs, for at most 20 s; returns those still running.
    func survivors(_ pids: [Int32]) -> [Int32] {
        let deadline = ContinuousClock.now + .seconds(20)
        var running = pids.filter(ProcessProbe.isRunning)
        while !running.isEmpty && ContinuousClock.now < deadline {
            usleep(20_000)
            running = running.filter(ProcessProbe.isRunning)
        }
        return running
    }

    @Test("a step's process, its process group and its leftovers die with procrun; keep_running steps' live on", arguments: 1...5)
    func killed(round: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/killed.yaml")
        let status = try runAndKill(in: folder)
        let kept = [try pid("service.pid", in: folder), try pid("starting.pid", in: folder)]
        defer { for pid in kept { kill(pid, SIGKILL) } }
        #expect(status == "137\n", "procrun was not killed; it printed:\n\((try? folder.read("out.txt")) ?? "")")
        // The group `early` ended (its threads joined) before this step ran: nothing it started died with them.
        #expect(try folder.read("threads-ended") == "alive\n")
        let ended = try ["direct.pid", "shell.pid", "grandchild.pid", "orphan.pid"].map { try pid($0, in: folder) }
        let left = survivors(ended)
        for pid in left { kill(pid, SIGKILL) }
        #expect(left.isEmpty, "processes \(left) of \(ended) outlived procrun")
        for pid in kept {
            #expect(ProcessProbe.isRunning(pid), "the keep_running step's process \(pid) died with procrun")
        }
    }
}
