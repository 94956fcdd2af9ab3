public import ProcrunText

/// What retrieval needs to know about a procedure file, read leniently (a file `procrun check`
/// would reject for an unknown action is still found): its words, its steps and its record.
public struct ProcedureSummary: Sendable, Hashable {
    /// The file.
    public var path: String
    /// The `name`, or the file's base name when it has none.
    public var name: String
    /// The `description`.
    public var description = ""
    /// The `tags`.
    public var tags: [String] = []
    /// The `version`.
    public var version = 1
    /// Each step: its action and its parameters' text, in order.
    public var steps: [StepSummary] = []
    /// The `stats` figures, when present.
    public var runs = 0
    /// Successful runs.
    public var successes = 0
    /// The success rate from `stats` (or successes / runs), nil when never run.
    public var successRate: Double?
    /// The average duration from `stats`, nil when unknown.
    public var averageDurationMilliseconds: Int?
    /// `superseded_by`, when the procedure was merged into another.
    public var supersededBy: String?
    /// Each input's name and description, as words to find the procedure by. Not kept in the
    /// find cache (their words are in the cached terms).
    public var inputs: [String] = []
    /// Each input's `default` and `allowed` values, as words to find the procedure by at a low
    /// weight (a procedure whose `environment` allows `production` is about production too). Not
    /// kept in the find cache either.
    public var inputValues: [String] = []

    /// One step, as retrieval sees it.
    public struct StepSummary: Sendable, Hashable {
        /// The action's name.
        public var action: String
        /// The parameters as `name=text`, nested values flattened.
        public var parameters: [String]
    }

    /// A summary with a path and a name only.
    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }

    /// Reads the file at `path`; nil when it cannot be read or is not YAML holding a mapping.
    public static func read(path: String) -> ProcedureSummary? {
        guard let file = try? SourceFile.read(path) else { return nil }
        return read(file)
    }

    /// Reads a file's bytes.
    public static func read(_ file: SourceFile) -> ProcedureSummary? {
        guard let root = try? YAMLParser(file: file).parse(), root.pairs != nil else { return nil }
        var summary = ProcedureSummary(path: file.path, name: root["name"]?.scalar?.text ?? "")
        if summary.name.isEmpty {
            let base = file.path.split(separator: "/").last.map(String.init) ?? ""
            summary.name = base.hasSuffix(".yaml") ? String(base.dropLast(5)) : base
        }
        summary.description = root["description"]?.scalar?.text ?? ""
        summary.tags = root["tags"]?.items?.compactMap { $0.scalar?.text } ?? []
        summary.version = root["version"]?.scalar.flatMap { Int($0.text) } ?? 1
        summary.supersededBy = root["superseded_by"]?.scalar.flatMap { $0.isNull ? nil : $0.text }
        for pair in root["inputs"]?.pairs ?? [] {
            summary.inputs.append(pair.key + " " + (pair.value["description"]?.scalar?.text ?? ""))
            for key in ["default", "allowed"] {
                if let value = pair.value[key] { flatten(value, prefix: key, into: &summary.inputValues) }
            }
        }
        for step in root["steps"]?.items ?? [] {
            guard let action = step["action"]?.scalar?.text else { continue }
            var parameters: [String] = []
            for pair in step["parameters"]?.pairs ?? [] { flatten(pair.value, prefix: pair.key, into: &parameters) }
            summary.steps.append(StepSummary(action: action, parameters: parameters))
        }
        if let stats = root["stats"] {
            func integer(_ key: String) -> Int? { stats[key]?.scalar.flatMap { Int($0.text) } }
            summary.runs = integer(StatsKey.executionCount.rawValue) ?? 0
            summary.successes = integer(StatsKey.successes.rawValue) ?? 0
            if let rate = stats[StatsKey.successRate.rawValue]?.scalar.flatMap({ Double($0.text) }), (0...1).contains(rate) {
                summary.successRate = rate
            } else if summary.runs > 0 {
                summary.successRate = Double(min(summary.successes, summary.runs)) / Double(summary.runs)
            }
            if stats[StatsKey.successRate.rawValue] != nil, summary.runs > 0, stats[StatsKey.successes.rawValue] == nil, let rate = summary.successRate {
                summary.successes = Int((rate * Double(summary.runs)).rounded())
            }
            summary.averageDurationMilliseconds = integer(StatsKey.averageDurationMilliseconds.rawValue)
        }
        return summary
    }

    private static func flatten(_ node: YAMLNode, prefix: String, into out: inout [String]) {
        switch node.content {
        case .scalar(let scalar): out.append(prefix + "=" + scalar.text)
        case .sequence(let items): for item in items { flatten(item, prefix: prefix, into: &out) }
        case .mapping(let pairs): for pair in pairs { flatten(pair.value, prefix: prefix + "." + pair.key, into: &out) }
        }
    }
}
