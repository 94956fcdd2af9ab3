import ProcrunLanguage

extension ShowCommand {
    /// What must have run or hold before a procedure or a step runs, and when it is skipped as up
    /// to date, one line each as written (`needs: build, docs:lint`, `precondition: sh test -w dist
    /// (dist must be writable)`, `up to date when: sources Sources/**; generates .build/app`).
    static func conditionLines(needs: [Step], preconditions: [Precondition], upToDate: UpToDateCheck?) -> [String] {
        var lines: [String] = []
        let references = needs.compactMap { need -> String? in
            guard case .procedure(let call) = need.call else { return nil }
            return call.referenceText
        }
        if !references.isEmpty { lines.append("needs: " + references.joined(separator: ", ")) }
        for precondition in preconditions {
            lines.append("precondition: \(precondition.kind) \(precondition.text)" + (precondition.message.map { " (\($0.text))" } ?? ""))
        }
        if let check = upToDate {
            var parts: [String] = []
            if !check.sources.isEmpty { parts.append("sources " + check.sources.map(\.text).joined(separator: ", ")) }
            if !check.generates.isEmpty { parts.append("generates " + check.generates.map(\.text).joined(separator: ", ")) }
            let status = check.status.compactMap { call -> String? in
                guard case .line(let line) = call.command else { return nil }
                return line.text
            }
            if !status.isEmpty { parts.append("status " + status.joined(separator: "; ")) }
            lines.append("up to date when: " + parts.joined(separator: "; "))
        }
        return lines
    }
}
