/// `procrun optimize FILE [--write]`: proposes removing steps that fail more often than they
/// succeed and flags slow ones, printing the change as a unified diff; `--write` applies it.
public struct OptimizeCommand {
    /// The procedure file.
    public var path: String
    /// `--write`: apply the change (under the file's lock, atomically).
    public var write = false
    /// `--library DIR`, for checking the changed procedure.
    public var library: String?
    /// `--no-color`.
    public var noColor = false

    /// An optimization of a file.
    public init(path: String) {
        self.path = path
    }

    /// Plans, prints and (with `--write`) applies; 0 on success, 2 when the file cannot be optimized.
    public func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: !noColor && stderr.wantsColor)
        do throws(Diagnostic) {
            let target = StatsLearner.resolved(path)
            let lock = write ? try locked(target) : nil
            defer { withExtendedLifetime(lock) {} }
            let document = try StatsDocument(path: path)
            renderer.add(document.file)
            let plan = try Optimizer(document: document).plan()
            report(plan, stdout: stdout)
            guard plan.changes else {
                stdout.write("nothing to change\n")
                stdout.flush()
                return ExitStatus.success
            }
            try check(plan.bytes)
            stdout.write(UnifiedDiff.render(old: document.file.bytes, new: plan.bytes, path: path))
            if write {
                do {
                    try AtomicFileWriter.write(plan.bytes, to: target)
                } catch {
                    throw Diagnostic(.error, error.description, path: path)
                }
                stdout.write("written: \(path) (version \(plan.version))\n")
            } else {
                stdout.write("(not written; run with --write to apply)\n")
            }
            stdout.flush()
            return ExitStatus.success
        } catch {
            stdout.flush()
            stderr.write(renderer.render(error))
            stderr.flush()
            return ExitStatus.invalid
        }
    }

    private func locked(_ target: String) throws(Diagnostic) -> FileLock {
        do {
            return try FileLock(path: target + ".procrun.lock")
        } catch {
            throw Diagnostic(.error, error.description, path: path)
        }
    }

    /// The changed procedure must still load and check.
    private func check(_ bytes: [UInt8]) throws(Diagnostic) {
        do {
            let found = try Library.discover(forProcedureAt: path, override: library)
            _ = try ProcedureLoader(library: found).load(SourceFile(path: path, bytes: bytes))
        } catch {
            let first = error.diagnostics.first?.message ?? "it does not check"
            throw Diagnostic(.error, "the optimized procedure would not be valid (\(first)); nothing was changed", path: path)
        }
    }

    private func report(_ plan: Optimizer.Plan, stdout: TextOutput) {
        for step in plan.steps {
            let name = "step \(step.number) ('\(step.key)')"
            let rate = "\(step.stats.failures) of \(step.stats.runs) runs failed"
            if step.removed { stdout.write("remove: \(name): \(rate)\n") }
            if step.slow {
                stdout.write("slow: \(name): \(step.stats.averageDurationMilliseconds) ms on average, most of the procedure's time\n")
            }
        }
        for note in plan.notes { stdout.write("note: \(note)\n") }
    }
}
