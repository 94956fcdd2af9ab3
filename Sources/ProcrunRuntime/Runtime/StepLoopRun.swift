import ProcrunLanguage
import ProcrunText

/// A step with `for_each` or `matrix`, as it runs: once per item of its list (or entry of its
/// matrix), the item readable under the loop's name (a matrix's as `matrix`) and `loop.*`. Each run has the step's `when`, retries, timeout, expectations and
/// outputs of its own. With `on_failure: abort` the loop stops at the first failed item; with
/// `continue` every item runs. The step fails when an item fails, succeeds when none does, and is
/// skipped when every item was skipped (an empty list succeeds with no results).
struct StepLoopRun {
    /// The step.
    let step: Step
    /// Its `for_each`.
    let loop: StepLoop
    /// The run the step is a step of.
    let interpreter: Interpreter

    /// Runs every item; the step's result, with one result per item.
    func run() -> StepResult {
        var result = StepResult(of: step, status: .success)
        let started = ContinuousClock.now
        let items: [Value]
        var entries: [MatrixEntry]?
        do {
            if case .matrix(let matrix) = loop.items {
                entries = try self.entries(of: matrix)
                items = entries?.map(\.value) ?? []
            } else {
                items = try self.items()
            }
        } catch {
            result.fail(error)
            result.durationNanoseconds = StepResult.nanoseconds(since: started)
            return result
        }
        interpreter.observer?.stepStarted(step, of: interpreter.procedure)
        let name = loop.name.value
        let saved = (item: interpreter.context.roots[name], loop: interpreter.context.roots["loop"])
        defer {
            interpreter.context.roots[name] = saved.item
            interpreter.context.roots["loop"] = saved.loop
        }
        var iterations: [StepResult] = []
        iterations.reserveCapacity(items.count)
        if case .matrix(let matrix) = loop.items, matrix.parallel, items.count > 1 {
            iterations = runSideBySide(
                items, width: matrix.width(entries: items.count), failFast: matrix.failsFast(onFailure: step.onFailure), isolated: matrix.isolate)
        } else {
            let isolated = if case .matrix(let matrix) = loop.items { matrix.isolate } else { false }
            for (index, item) in items.enumerated() {
                if interpreter.isCancelled { break }
                let iteration = interpreter.runEntry(step, names: [name: item, "loop": Self.loopValue(index, of: items.count)], isolated: isolated)
                iterations.append(iteration)
                if iteration.status == .failed, step.onFailure == .abort || iteration.wasInterrupted || Interrupts.received { break }
            }
        }
        if let entries {
            for index in iterations.indices { iterations[index].matrixEntry = entries[index] }
        }
        Self.combine(iterations, into: &result) { position in
            let place = "\(entries == nil ? "item" : "entry") \(position + 1) of \(items.count)"
            guard let entry = entries?[position] else { return place }
            return place + " (\(interpreter.redactError(entry.label)))"
        }
        result.durationNanoseconds = StepResult.nanoseconds(since: started)
        return result
    }

    /// What the step reads as `loop` for item `index` (from 0) of `count`.
    static func loopValue(_ index: Int, of count: Int) -> Value {
        .mapping([
            "index": .integer(index + 1), "index0": .integer(index), "length": .integer(count),
            "first": .boolean(index == 0), "last": .boolean(index == count - 1),
        ])
    }

    /// The items of a `for_each`: the expression's list, or the written items rendered (a
    /// matrix's are its entries, ``entries(of:)``).
    private func items() throws(StepFailure) -> [Value] {
        switch loop.items {
        case .written(let fields):
            return try fields.map { (field) throws(StepFailure) in try interpreter.render(field) }
        case .expression(let condition):
            return try list(condition, what: "'for_each'")
        case .matrix:
            return []
        }
    }

    /// The list an expression gives (`what` names it in the error when it gives something else).
    /// In a dry run a value that is not a list (a placeholder for an earlier step's output) is one item.
    func list(_ condition: Condition, what: String) throws(StepFailure) -> [Value] {
        let value: Value
        do {
            value = try condition.expression.evaluate(in: interpreter.context)
        } catch {
            throw StepFailure(.template, condition.diagnostic(error.explained(by: interpreter.context), in: interpreter.procedure.file))
        }
        switch value {
        case .list(let items): return items
        case let other where interpreter.options.dryRun: return [other]
        case let other:
            let whole = TemplateError(range: 0..<0, message: "\(what) must give a list, but it gave \(other.valueType.nameWithArticle)")
            var diagnostic = condition.diagnostic(whole, in: interpreter.procedure.file)
            diagnostic.id = .templateType
            throw StepFailure(.template, diagnostic)
        }
    }

    /// The loop step's result from its items' results: failed with the first failed item's reason
    /// (named by `place`: its position, and a matrix entry's values), its output the items' output
    /// one after another.
    static func combine(_ iterations: [StepResult], into result: inout StepResult, place: (Int) -> String) {
        result.iterations = iterations
        result.attempts = iterations.map(\.attempts).max() ?? 1
        let ran = iterations.filter { $0.status != .skipped }
        result.stdout = ran.map(\.stdout).joined(separator: "\n")
        result.stderr = ran.map(\.stderr).joined(separator: "\n")
        result.outcome = ran.map(\.outcome).joined(separator: "\n")
        result.exitCode = ran.last?.exitCode
        if let (position, failed) = iterations.enumerated().first(where: { $0.element.status == .failed }) {
            result.status = .failed
            result.exitCode = failed.exitCode
            let place = place(position) + ": "
            result.error = place + (failed.error ?? "failed")
            result.cause = place + (failed.cause ?? "failed")
            result.diagnostic = failed.diagnostic
        } else if !iterations.isEmpty, ran.isEmpty {
            result.status = .skipped
        }
    }
}
