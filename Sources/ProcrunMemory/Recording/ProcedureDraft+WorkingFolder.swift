import ProcrunRuntime

extension ProcedureDraft {
    /// Writes the folder the `shell` steps ran in once, as the procedure's `cwd`, rather than as
    /// `cwd` on each of them: the folder most of them share (the first of those equally shared),
    /// when more ran there than in the procedure's own folder. The steps that ran elsewhere keep
    /// their own `cwd` (`.` for the procedure's folder), which a step's `cwd` is relative to as the
    /// procedure's is (grammar.md, "Working folder"). A `cwd` that is not plain text (it reads an
    /// input) is always a step's own.
    package mutating func hoistWorkingFolder() {
        let folders = steps.map { step -> Folder? in
            guard step.action == "shell" else { return nil }
            guard let value = step.parameters.first(where: { $0.name == "cwd" })?.value else { return .procedure }
            guard case .text(let parts) = value, parts.allSatisfy({ if case .text = $0 { true } else { false } }) else { return .other }
            return .named(RedactedPart.text(of: parts))
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for case .named(let name)? in folders {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        let inProcedureFolder = folders.filter { $0 == Folder.procedure }.count
        guard let shared = order.max(by: { counts[$0, default: 0] < counts[$1, default: 0] }), counts[shared, default: 0] > inProcedureFolder
        else { return }
        workingDirectory = shared
        for (index, folder) in folders.enumerated() {
            switch folder {
            case .named(shared)?: steps[index].parameters.removeAll { $0.name == "cwd" }
            case .procedure?: steps[index].parameters.append(("cwd", .text([.text(".")])))
            default: break
            }
        }
    }

    /// Where a `shell` step of a draft runs.
    private enum Folder: Equatable {
        /// The procedure file's folder (no `cwd`).
        case procedure
        /// The folder its plain-text `cwd` names.
        case named(String)
        /// A folder its `cwd` works out when it runs.
        case other
    }
}
