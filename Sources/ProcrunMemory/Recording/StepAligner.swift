import ProcrunText

/// Lines up the steps of several recordings of one task: which step of each recording is the same
/// step of the procedure.
///
/// Two steps can be the same only when they do the same thing: the same action with the same
/// parameter names and, for commands, the same program (`make` is never paired with `curl`). Among
/// those, how alike their texts are (``TextTokens/similarity(_:_:)``) decides: the recordings are
/// aligned one by one against the steps found so far, keeping the order (the pairing with the
/// greatest total likeness), and a step that two recordings performed in a different order (two
/// independent steps swapped) is then joined into one step where the recording that performed
/// it most has it.
package struct StepAligner: Sendable {
    /// One step of the procedure: the recorded step of each recording that performed it.
    package struct Column: Sendable {
        /// The step in each recording (by its index) that performed it.
        package var steps: [Int: RecordedStep]
    }

    /// The least likeness for two steps to be paired.
    package var threshold = 0.5
    /// The least likeness for two steps performed in a different order to be joined.
    package var swapThreshold = 0.7
    /// The likeness of two commands of the same shape outside quotes (``skeleton(_:)``).
    package var skeletonLikeness = 0.6
    /// The actions that run commands (compared by program).
    package var commandActions: Set<String> = ["shell"]

    /// An aligner for these command actions.
    package init(commandActions: Set<String> = ["shell"]) {
        self.commandActions = commandActions
    }

    /// The steps of `traces` lined up, in order.
    package func align(_ traces: [[RecordedStep]]) -> [Column] {
        guard let first = traces.first else { return [] }
        var columns = first.map { Column(steps: [0: $0]) }
        for (index, trace) in traces.enumerated().dropFirst() {
            columns = merge(columns, trace, index: index)
        }
        return joinSwapped(columns)
    }

    /// How alike two recorded steps are, 0 to 1; 0 when they cannot be the same step.
    package func likeness(_ a: RecordedStep, _ b: RecordedStep) -> Double {
        guard a.action == b.action, a.parameters.map(\.name).sorted() == b.parameters.map(\.name).sorted() else { return 0 }
        if commandActions.contains(a.action) {
            guard let left = a.command, let right = b.command else { return a == b ? 1 : 0.5 }
            guard Self.program(of: left) == Self.program(of: right) else { return 0 }
            // The same command shape around different quoted texts (`git commit -qam '...'`) is
            // likely the same step, whatever the texts say.
            let shape = Self.skeleton(left)
            let floor = shape == Self.skeleton(right) && shape.count >= 2 ? skeletonLikeness : 0
            return max(floor, TextTokens.similarity(left, right))
        }
        var total = 0.0
        for parameter in a.parameters {
            let other = b.parameters.first { $0.name == parameter.name }?.value
            if parameter.value == other {
                total += 1
            } else if case .string(let left) = parameter.value, case .string(let right)? = other {
                total += TextTokens.similarity(left, right)
            } else {
                total += TextTokens.similarity(parameter.value.jsonText, other?.jsonText ?? "")
            }
        }
        return a.parameters.isEmpty ? 1 : total / Double(a.parameters.count)
    }

    /// What a command line runs, as its step id names it (``StepNamer/name(command:)``: the program
    /// with its subcommand for the tools that take one, `git_tag`): two commands are the same
    /// step only when this is the same.
    package static func program(of command: String) -> String {
        StepNamer.name(command: command)
    }

    /// The words of a command outside its quoted texts, numbers as `#`: its shape.
    static func skeleton(_ command: String) -> [String] {
        var outside = ""
        var quote: Character?
        for character in command {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
                outside.append(" ")
            } else {
                outside.append(character)
            }
        }
        return TextTokens(outside).words.map { $0.allSatisfy(\.isNumber) ? "#" : $0 }
    }

    /// The likeness of `step` to the steps of `column`: the best.
    private func likeness(_ column: Column, _ step: RecordedStep) -> Double {
        column.steps.values.reduce(0) { max($0, likeness($1, step)) }
    }

    /// `columns` merged with the steps of recording `index`: the order-keeping pairing with the
    /// greatest total likeness, the unpaired steps of both kept in order.
    private func merge(_ columns: [Column], _ trace: [RecordedStep], index: Int) -> [Column] {
        let (n, m) = (columns.count, trace.count)
        var score = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n {
            for j in 0..<m {
                let value = likeness(columns[i], trace[j])
                score[i][j] = value >= threshold ? value : 0
            }
        }
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                let pair = score[i][j] > 0 ? best[i + 1][j + 1] + score[i][j] : 0
                best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
            }
        }
        var merged: [Column] = []
        var (i, j) = (0, 0)
        while i < n || j < m {
            if i < n, j < m, score[i][j] > 0, best[i][j] == best[i + 1][j + 1] + score[i][j] {
                var column = columns[i]
                column.steps[index] = trace[j]
                merged.append(column)
                i += 1
                j += 1
            } else if j == m || (i < n && best[i + 1][j] >= best[i][j + 1]) {
                merged.append(columns[i])
                i += 1
            } else {
                merged.append(Column(steps: [index: trace[j]]))
                j += 1
            }
        }
        return merged
    }

    /// Joins two steps that no recording performed both of and that are alike: the same step,
    /// performed earlier in some recordings and later in others. It keeps the place where more
    /// recordings performed it.
    private func joinSwapped(_ columns: [Column]) -> [Column] {
        var columns = columns
        var joined = true
        while joined {
            joined = false
            search: for a in columns.indices {
                for b in columns.indices where b > a && Set(columns[a].steps.keys).isDisjoint(with: columns[b].steps.keys) {
                    let alike = columns[a].steps.values.reduce(0.0) { best, step in max(best, likeness(columns[b], step)) }
                    guard alike >= swapThreshold else { continue }
                    let (keep, drop) = columns[a].steps.count >= columns[b].steps.count ? (a, b) : (b, a)
                    columns[keep].steps.merge(columns[drop].steps) { first, _ in first }
                    columns.remove(at: drop)
                    joined = true
                    break search
                }
            }
        }
        return columns
    }
}

extension RecordedStep {
    /// The command line of a command step (its `command` parameter as text), if it has one.
    package var command: String? {
        guard case .string(let text)? = parameters.first(where: { $0.name == "command" })?.value else { return nil }
        return text
    }
}
