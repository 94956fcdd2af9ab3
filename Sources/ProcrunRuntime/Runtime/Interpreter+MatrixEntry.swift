import ProcrunLanguage
import ProcrunText

extension Interpreter {
    /// One item of a loop or entry of a matrix: the step run once with `names` (the item, `loop`)
    /// set. With `isolated` (a matrix's `isolate: true`), its commands run in a copy of the folder
    /// they run in (``EntryFolder``), readable as `loop.dir` and removed once the entry is done.
    func runEntry(_ step: Step, names: [String: Value], isolated: Bool) -> StepResult {
        context.roots.merge(names) { $1 }
        guard isolated else { return runOnce(step, announce: false) }
        // A dry run runs nothing: no copy to make.
        if options.dryRun {
            setLoopDirectory("<loop.dir: unknown in a dry run>")
            return runOnce(step, announce: false)
        }
        let folder: String
        do {
            folder = try EntryFolder.copy(of: commandDirectory)
        } catch {
            var result = StepResult(of: step, status: .failed)
            result.fail(error)
            return result
        }
        let saved = commandDirectory
        commandDirectory = folder
        setLoopDirectory(folder)
        defer {
            commandDirectory = saved
            EntryFolder.remove(folder)
        }
        return runOnce(step, announce: false)
    }

    /// Makes `path` what the entry reads as `loop.dir`.
    private func setLoopDirectory(_ path: String) {
        guard case .mapping(var loop)? = context.roots["loop"] else { return }
        loop["dir"] = .string(path)
        context.roots["loop"] = .mapping(loop)
    }
}
