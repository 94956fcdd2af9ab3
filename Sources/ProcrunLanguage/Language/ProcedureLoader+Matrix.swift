import ProcrunText

extension ProcedureLoader {
    /// Reads a step's `matrix` (its axes, `include` and `exclude`), with the step's `parallel`
    /// (`true`, or `{max: N, fail_fast: B}`: the entries side by side) and `isolate`. An axis is a
    /// list written out (each string a template, mappings and lists kept as they are) or an
    /// expression giving a list. A refused matrix still gives the step its `matrix` (with no
    /// entries: the file has an error, so it never runs), so that its reads of `matrix` are not
    /// refused as well.
    func readMatrix(_ pair: YAMLPair, _ pairs: [YAMLPair], into step: inout Step, reader: inout NodeReader) {
        var matrix = StepMatrix()
        step.loop = StepLoop(items: .matrix(matrix), name: Located("matrix", at: pair.keyStart), location: pair.keyStart)
        guard let settings = reader.mapping(pair.value, "'matrix'") else { return }
        for setting in settings {
            switch setting.key {
            case "include": matrix.include = readMatrixMappings(setting.value, "'include'", reader: &reader)
            case "exclude": matrix.exclude = readMatrixMappings(setting.value, "'exclude'", reader: &reader)
            default:
                guard NodeReader.isIdentifier(setting.key) else {
                    reader.error(.expectedName(what: "a matrix axis", found: setting.key), at: setting.keyStart)
                    continue
                }
                let name = Located(setting.key, at: setting.keyStart)
                if let items = setting.value.items {
                    if items.isEmpty { reader.error(.emptyMatrixAxis(axis: setting.key), at: setting.value.start) }
                    let trees = items.compactMap { Self.parameterTree($0, "a value of matrix axis '\(setting.key)'", typed: false, reader: &reader) }
                    matrix.axes.append(StepMatrix.Axis(name: name, values: .written(trees)))
                } else if let condition = Self.condition(setting.value, "matrix axis '\(setting.key)'", reader: &reader) {
                    matrix.axes.append(StepMatrix.Axis(name: name, values: .expression(condition)))
                }
            }
        }
        if matrix.axes.isEmpty, !settings.contains(where: { !StepMatrix.settingKeys.contains($0.key) }) {
            reader.error(.matrixWithoutAxes, at: pair.value.start)
        }
        let axes = matrix.axes.map(\.name.value)
        for mapping in matrix.exclude {
            for (key, _) in mapping where !axes.contains(key.value) {
                reader.error(.excludeKeyNotAxis(key: key.value, axes: axes), at: key.location)
            }
        }
        if let parallel = pairs.first(where: { $0.key == "parallel" }) { readMatrixParallel(parallel.value, into: &matrix, reader: &reader) }
        if let isolate = pairs.first(where: { $0.key == "isolate" }) { matrix.isolate = reader.boolean(isolate.value, "'isolate'") ?? false }
        step.loop?.items = .matrix(matrix)
    }

    /// A list of mappings (`include`, `exclude`), each value read as an axis's values are.
    private func readMatrixMappings(_ node: YAMLNode, _ what: String, reader: inout NodeReader) -> [[(key: Located<String>, value: ParameterTree)]] {
        guard let items = reader.sequence(node, what) else { return [] }
        var mappings: [[(key: Located<String>, value: ParameterTree)]] = []
        for item in items {
            guard let pairs = reader.mapping(item, "an item of \(what)") else { continue }
            mappings.append(
                pairs.compactMap { pair in
                    Self.parameterTree(pair.value, "'\(pair.key)' in \(what)", typed: false, reader: &reader).map { (Located(pair.key, at: pair.keyStart), $0) }
                })
        }
        return mappings
    }

    /// `parallel` on a matrix step: `true` or `false`, or a mapping of `max` and `fail_fast`.
    private func readMatrixParallel(_ node: YAMLNode, into matrix: inout StepMatrix, reader: inout NodeReader) {
        guard node.pairs != nil else {
            matrix.parallel = reader.boolean(node, "'parallel' of a matrix") ?? false
            return
        }
        matrix.parallel = true
        for setting in reader.mapping(node, "'parallel' of a matrix", keys: StepMatrix.parallelKeys) ?? [] {
            switch setting.key {
            case "max": matrix.max = reader.integer(setting.value, "'max'", in: 1...ParallelGroup.widest)
            case "fail_fast": matrix.failFast = reader.boolean(setting.value, "'fail_fast'")
            default: break
            }
        }
    }
}
