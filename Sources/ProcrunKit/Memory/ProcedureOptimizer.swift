/// Reads a procedure's per-step record (`stats.steps`) and writes its next version without the
/// steps that fail more often than they succeed, by removing their lines and bumping `version`;
/// the previous version moves to `archive/NAME.vN.yaml`.
struct ProcedureOptimizer {
    let library: Library

    func optimize(path: String, minimumRuns: Int, apply: Bool) throws(DiagnosticsError) -> Optimization? {
        let file: SourceFile
        do {
            file = SourceFile(path: path, bytes: try FileSystem.read(path))
        } catch {
            throw DiagnosticsError([Diagnostic(.error, error.description)])
        }
        let procedure = try ProcedureLoader(library: library).load(file)
        let runs = procedure.stats?["execution_count"]?.scalar.flatMap { Int($0.text) } ?? 0
        guard runs >= minimumRuns else { return nil }
        var result = Optimization(name: procedure.name.value, version: procedure.version)
        let stepStats = procedure.stats?["steps"]
        var averages: [(Int, Int)] = []
        for step in procedure.steps {
            let keys = [step.id?.value, "#\(step.index + 1)", "\(step.index + 1)"].compactMap { $0 }
            guard let record = keys.lazy.compactMap({ stepStats?[$0] }).first else { continue }
            func figure(_ key: String) -> Int { record[key]?.scalar.flatMap { Int($0.text) } ?? 0 }
            let failures = figure("failures")
            let successes = figure("successes")
            if failures > successes {
                result.removed.append(.init(number: step.index + 1, id: step.id?.value, reason: "failed \(failures) times, succeeded \(successes)"))
            }
            if record["avg_duration_ms"] != nil { averages.append((step.index, figure("avg_duration_ms"))) }
        }
        let sorted = averages.map(\.1).sorted()
        if sorted.count >= 3 {
            let median = sorted[sorted.count / 2]
            for (index, average) in averages where median > 0 && average > 2 * median {
                result.slow.append(.init(number: index + 1, id: procedure.steps[index].id?.value, reason: "averages \(average)ms, the median step \(median)ms"))
            }
        }
        guard apply, result.changesSteps else { return result }
        guard result.removed.count < procedure.steps.count else {
            throw DiagnosticsError([Diagnostic(.error, "every step of '\(result.name)' fails more often than it succeeds; nothing is left to keep", path: path)])
        }
        let text = try nextVersion(of: procedure, removing: Set(result.removed.map { $0.number - 1 }))
        let store = ProcedureStore(library: library)
        _ = try store.validate(text, at: path)
        var plan = try store.plan(result.name, policy: .newVersion)
        if plan.path != path {
            plan = ProcedureStore.Plan(path: path, version: procedure.version + 1, archive: (path, plan.archive?.to ?? path + ".old"), replaces: false)
        }
        try store.write(text, plan: plan)
        result.written = plan.path
        result.archived = plan.archive?.to
        return result
    }

    /// The file's text without the given steps' lines, with `version` one higher.
    private func nextVersion(of procedure: Procedure, removing removed: Set<Int>) throws(DiagnosticsError) -> String {
        let bytes = procedure.file.bytes
        guard let items = procedure.root["steps"]?.items, procedure.root["steps"]?.isFlow == false else {
            throw DiagnosticsError([Diagnostic(.error, "cannot remove steps from a flow-style 'steps' list; edit it by hand", path: procedure.file.path)])
        }
        func lineStart(_ offset: Int) -> Int {
            var index = min(offset, bytes.count)
            while index > 0, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
            return index
        }
        var cuts: [Range<Int>] = []
        for index in removed.sorted() {
            let start = lineStart(items[index].start.offset)
            let end = index + 1 < items.count ? lineStart(items[index + 1].start.offset) : lineStart(procedure.root["steps"]?.end.offset ?? bytes.count)
            let stop = end > start ? end : bytes.count
            cuts.append(start..<stop)
        }
        var out = bytes
        for cut in cuts.reversed() { out.removeSubrange(cut) }
        var text = String(decoding: out, as: UTF8.self)
        let next = procedure.version + 1
        if let version = procedure.root.pairs?.first(where: { $0.key == "version" }) {
            let range = version.value.start.offset..<version.value.end.offset
            let removedBefore = cuts.filter { $0.upperBound <= range.lowerBound }.reduce(0) { $0 + $1.count }
            var updated = Array(text.utf8)
            let at = range.lowerBound - removedBefore
            updated.replaceSubrange(at..<(at + range.count), with: Array(String(next).utf8))
            text = String(decoding: updated, as: UTF8.self)
        } else if let name = procedure.root.pairs?.first(where: { $0.key == "name" }) {
            var updated = Array(text.utf8)
            var at = name.value.end.offset - cuts.filter { $0.upperBound <= name.value.end.offset }.reduce(0) { $0 + $1.count }
            while at < updated.count, updated[at] != UInt8(ascii: "\n") { at += 1 }
            updated.insert(contentsOf: Array("\nversion: \(next)".utf8), at: at)
            text = String(decoding: updated, as: UTF8.self)
        }
        return text
    }
}
