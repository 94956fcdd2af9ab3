import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// The questions `record` asks before saving: which values to make inputs, and whether `--verify`
/// may run the steps again. Both read one line from the input the prompt reads (a terminal, or a
/// pipe that answers them); the end of input takes the answer that changes nothing.
extension RecordCommand {
    /// Prints `question` and reads one line of ``input``; nil at the end of input or after an
    /// interrupt. When the input is not a terminal, the line read is echoed, so that the output
    /// reads as a transcript.
    func ask(_ question: String, stdout: TextOutput) -> String? {
        stdout.write(question)
        stdout.flush()
        let answer = input.next()
        if !input.isTerminal { stdout.write((answer ?? "") + "\n") }
        return answer
    }

    /// Offers the values of a prompt recording that could become inputs (``InputOffer``) and makes
    /// the ones named inputs of `draft`; a value the shell-safety rules keep literal in a step is
    /// reported as a warning. Nothing is asked when there is nothing to offer. False when an
    /// interrupt (Ctrl-C, SIGTERM) came instead of an answer: the recording is abandoned.
    func offerInputs(_ draft: inout ProcedureDraft, stdout: TextOutput, stderr: TextOutput, renderer: DiagnosticRenderer) -> Bool {
        let offer = InputOffer(draft: draft)
        guard !offer.candidates.isEmpty else { return true }
        func stepList(_ steps: [Int]) -> String {
            (steps.count == 1 ? "step " : "steps ") + steps.map { draft.steps[$0].id ?? "#\($0 + 1)" }.joined(separator: ", ")
        }
        stdout.write("values that could be inputs:\n")
        for (number, candidate) in offer.candidates.enumerated() {
            stdout.write("  \(number + 1)) \(candidate.value.excerpt(60)) in \(stepList(candidate.steps))\n")
        }
        let taken = Set(draft.inputs.map(\.name))
        var named: [(name: String, candidate: Int)] = []
        while let answer = ask("name them as NAME=N (e.g. version=1), or press Enter to keep them literal: ", stdout: stdout) {
            do {
                named = try offer.names(from: answer, taken: taken)
                break
            } catch {
                RecordingSession.report(.promptReply(error.message), output: stdout, errors: stderr, renderer: renderer)
            }
        }
        if Interrupts.received { return false }
        guard !named.isEmpty else { return true }
        let warnings = offer.apply(named, to: &draft)
        if !warnings.isEmpty {
            stdout.flush()
            stderr.write(renderer.render(warnings.map { $0.diagnostic(in: draft) }))
            stderr.flush()
        }
        for (name, index) in named {
            let candidate = offer.candidates[index]
            let places = InputOffer.commands(of: draft).filter { $0.parts.contains(.input(name)) }.map(\.step)
            if places.isEmpty {
                stdout.write("'\(candidate.value.excerpt(40))' stays literal: no step can take it as an input\n")
            } else {
                stdout.write("input '\(name)' replaces \(candidate.value.excerpt(40)) in \(stepList(places))\n")
            }
        }
        return true
    }

    /// Says that `--verify` runs the `count` steps again for real in the library at `root` and,
    /// on a terminal, asks to go on; true to replay.
    func confirmVerify(steps count: Int, root: String, stdout: TextOutput) -> Bool {
        let what = count == 1 ? "the step for real (its command runs" : "the \(count) steps for real (their commands run"
        stdout.write("verifying: this replays \(what) again in \(root)); use --dry-run to only check and print the procedure\n")
        guard input.isTerminal else { return true }
        let answer = ask("run them? [y/N] ", stdout: stdout)?.trimmed().lowercased()
        return answer == "y" || answer == "yes"
    }
}
