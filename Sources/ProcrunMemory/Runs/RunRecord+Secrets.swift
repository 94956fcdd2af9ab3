import ProcrunLanguage
import ProcrunRuntime
import ProcrunSystem
import ProcrunText

/// Keeping secrets, and what is derived from them, out of run records: a resume asks for secret
/// inputs again and reads `.env` files again, and runs again the steps that derived values from them.
extension RunRecord {
    /// What is derived from a secret, read from the procedure's text before the run: the steps
    /// whose mapping names a secret input (`inputs.NAME`), a variable of a secret `.env` file
    /// (`env.NAME`, `$NAME`, `${NAME}`), or a step or `vars` entry already derived (`steps.ID`,
    /// `vars.NAME`), by index in ``Procedure/allSteps`` order; and the `vars` such steps set.
    static func secretDerived(of procedure: Procedure, library: Library) -> (steps: Set<Int>, vars: Set<String>) {
        var markers: [String] = procedure.inputs.filter(\.secret).map { "inputs." + $0.name }
        for loaded in library.environment.loaded + procedure.environment.loaded where loaded.secret {
            markers += ["env." + loaded.name, "$" + loaded.name, "${" + loaded.name + "}"]
        }
        guard !markers.isEmpty else { return ([], []) }
        var steps: Set<Int> = []
        var vars: Set<String> = []
        let all = procedure.allSteps
        forEachStepNode(of: procedure) { index, node in
            guard index < all.count else { return }
            var text = ""
            collectText(node, into: &text)
            guard markers.contains(where: { mentions(text, $0) }) else { return }
            steps.insert(index)
            let step = all[index]
            if let id = step.id?.value { markers.append("steps." + id) }
            if let values = step.call.setValues {
                for (name, _) in values where vars.insert(name).inserted { markers.append("vars." + name) }
            }
        }
        return (steps, vars)
    }

    /// Hands `body` the YAML mapping of every step, in ``Procedure/allSteps`` order, with its
    /// index (without copying 10,000 nodes into an array first).
    static func forEachStepNode(of procedure: Procedure, _ body: (Int, YAMLNode) -> Void) {
        var index = 0
        func visit(_ items: [YAMLNode]) {
            for item in items {
                body(index, item)
                index += 1
                if let members = item["parallel"]?["steps"]?.items { visit(members) }
            }
        }
        visit(procedure.root["steps"]?.items ?? [])
        visit(procedure.root["finally"]?.items ?? [])
    }

    /// Every scalar under `node`, keys included, one per line.
    private static func collectText(_ node: YAMLNode, into text: inout String) {
        switch node.content {
        case .scalar(let scalar):
            text += scalar.text
            text += "\n"
        case .sequence(let items):
            for item in items { collectText(item, into: &text) }
        case .mapping(let pairs):
            for pair in pairs {
                text += pair.key
                text += "\n"
                collectText(pair.value, into: &text)
            }
        }
    }

    /// Whether `text` holds `marker` not followed by a letter, digit or `_` (`inputs.token` is not
    /// `inputs.token_name`).
    private static func mentions(_ text: String, _ marker: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(marker.utf8)
        guard let head = needle.first, needle.count <= haystack.count else { return false }
        let open = marker.hasSuffix("}")
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == head, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                let end = index + needle.count
                if open || end == haystack.count || !ShellScanner.isNameCharacter(Unicode.Scalar(haystack[end])) { return true }
            }
            index += 1
        }
        return false
    }

    /// A value as a record keeps it: secret values masked in every text, each text cut at
    /// ``textLimit``.
    static func clean(_ value: Value, hiding secrets: [String]) -> Value {
        switch value {
        case .string(var text):
            text = SecretMasker.masking(text, hiding: secrets)
            return .string(text.count > Self.textLimit ? String(text.prefix(Self.textLimit)) : text)
        case .list(let items): return .list(items.map { clean($0, hiding: secrets) })
        case .mapping(let pairs): return .mapping(pairs.mapValues { clean($0, hiding: secrets) })
        default: return value
        }
    }
}
