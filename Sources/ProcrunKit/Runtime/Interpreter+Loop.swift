extension Interpreter {
    /// Runs a step once per item of its `for_each` list, the item readable under the loop's name
    /// and `loop.*`. Each run has the step's `when`, retries, timeout, expectations and outputs of
    /// its own. With `on_failure: abort` the loop stops at the first failed item; with `continue`
    /// every item runs. The step fails when an item fails, succeeds when none does, and is skipped
    /// when every item was skipped (an empty list succeeds with no results).
    func runLoop(_ step: Step, _ loop: StepLoop) -> StepResult {
        var result = StepResult(number: step.index + 1, id: step.id?.value, action: step.action.value, status: .success)
        let started = ContinuousClock.now
        let items: [Value]
        do {
            items = try loopItems(loop)
        } catch {
            result.fail(error)
            result.durationNanoseconds = Self.nanoseconds(since: started)
            return result
        }
        observer?.stepStarted(step, of: procedure)
        let name = loop.name.value
        let saved = (item: context.roots[name], loop: context.roots["loop"])
        defer {
            context.roots[name] = saved.item
            context.roots["loop"] = saved.loop
        }
        var iterations: [StepResult] = []
        iterations.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if isCancelled { break }
            context.roots[name] = item
            context.roots["loop"] = .mapping([
                "index": .integer(index + 1), "index0": .integer(index), "length": .integer(items.count),
                "first": .boolean(index == 0), "last": .boolean(index == items.count - 1),
            ])
            let iteration = runOnce(step, announce: false)
            iterations.append(iteration)
            if iteration.status == .failed, step.onFailure == .abort || iteration.wasInterrupted || Interrupts.received { break }
        }
        combine(iterations, of: items.count, into: &result)
        result.durationNanoseconds = Self.nanoseconds(since: started)
        return result
    }

    /// The items of a loop: the expression's list, or the written items rendered. In a dry run a
    /// value that is not a list (a placeholder for an earlier step's output) is one item.
    private func loopItems(_ loop: StepLoop) throws(StepFailure) -> [Value] {
        switch loop.items {
        case .written(let fields):
            return try fields.map { (field) throws(StepFailure) in try render(field) }
        case .expression(let condition):
            let value: Value
            do {
                value = try condition.expression.evaluate(in: context)
            } catch {
                throw StepFailure(.template, condition.diagnostic(error, in: procedure.file))
            }
            switch value {
            case .list(let items): return items
            case let other where options.dryRun: return [other]
            case let other:
                let whole = TemplateError(range: 0..<0, message: "'for_each' must give a list, but it gave \(other.valueType.nameWithArticle)")
                var diagnostic = condition.diagnostic(whole, in: procedure.file)
                diagnostic.id = .templateType
                throw StepFailure(.template, diagnostic)
            }
        }
    }

    /// The loop step's result from its items' results: failed with the first failed item's reason
    /// (named by its position), its output the items' output one after another.
    private func combine(_ iterations: [StepResult], of count: Int, into result: inout StepResult) {
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
            let place = "item \(position + 1) of \(count): "
            result.error = place + (failed.error ?? "failed")
            result.cause = place + (failed.cause ?? "failed")
            result.diagnostic = failed.diagnostic
        } else if !iterations.isEmpty, ran.isEmpty {
            result.status = .skipped
        }
    }
}
