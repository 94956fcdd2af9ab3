import Glibc
package import ProcrunRuntime
package import ProcrunText

/// The steps a run has finished so far, one JSON line each, appended as they finish beside the
/// run's record in ``RunStore``: what `--resume` reads of a run that never ended (killed, or its
/// machine lost). It is written only from the thread that runs the top-level steps. Each line is written with one `write` on a file opened for appending, so a line
/// is whole or missing; a torn last line is ignored when read. Steps without effects (a `log`, an
/// `assert`) are not written: resuming after them repeats nothing that matters.
package final class RunJournal {
    private let descriptor: Int32
    private let withheld: RunRecord.Withheld

    /// Opens (creating) the journal at `path`; nil when it cannot be opened (the run goes on, not
    /// resumable after a kill).
    init?(path: String, withheld: RunRecord.Withheld) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode_t(RunStore.fileMode))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.withheld = withheld
    }

    deinit { close(descriptor) }

    /// Notes that a top-level step finished with `result`; `vars` are the run's `vars` after it,
    /// written with the steps that set them.
    package func finished(_ result: StepResult, vars: [String: Value]) {
        guard RunRecord.keeps(result, journaling: true) else { return }
        let line: [UInt8]
        if result.id == nil && result.action != "set" && result.status != .failed {
            // Nothing reads an unnamed step's result: its place and status say how far the run got.
            line = Array("{\"index\":\(result.number - 1),\"status\":\"\(result.status.rawValue)\",\"value\":null}\n".utf8)
        } else {
            var entry: [String: Value] = [
                "index": .integer(result.number - 1), "status": .string(result.status.rawValue),
                "value": withheld.keep(result),
            ]
            if result.action == "set" { entry["vars"] = .mapping(withheld.keep(vars)) }
            line = Array((Value.mapping(entry).jsonText + "\n").utf8)
        }
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The steps and the last `vars` written in the journal at `path`, oldest first.
    static func read(_ path: String) -> (steps: [(index: Int, status: StepStatus, value: Value)], vars: [String: Value]?) {
        guard let bytes = try? FileSystem.read(path) else { return ([], nil) }
        var steps: [(index: Int, status: StepStatus, value: Value)] = []
        var vars: [String: Value]?
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard case .mapping(let entry)? = Value(jsonText: String(decoding: line, as: UTF8.self)), case .integer(let index)? = entry["index"],
                case .string(let status)? = entry["status"], let parsed = StepStatus(rawValue: status), let value = entry["value"]
            else { continue }
            steps.append((index, parsed, value))
            if case .mapping(let set)? = entry["vars"] { vars = set }
        }
        return (steps, vars)
    }
}
