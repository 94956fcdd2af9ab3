import ProcrunRuntime
import ProcrunSystem
import ProcrunText

extension ValueInference {
    /// A command's parts made safe to run: each input standing where the shell or a program would
    /// run it as code (``ShellPlanner/problems(in:isInteger:)``: a `sed` script, an `awk` program,
    /// `python3 -c`) is passed through an environment variable the command expands there instead,
    /// `"$INPUT_NAME"` quoted for its place, with the input restricted to ``TraceGeneralizer/safePattern``
    /// so that no value can end the code's quotes or strings. A value that cannot be passed so
    /// (a value with other characters, a place inside a here-document) stays literal, and
    /// `literal` says why. `environment` receives the variables the step must set.
    mutating func safeCommand(
        _ parts: [RedactedPart], trace: Int, step: Int, environment: inout [(String, String)], literal: inout [String]
    ) -> [RedactedPart] {
        var parts = parts
        let unsafe = Self.unsafeParts(parts)
        guard !unsafe.isEmpty else { return parts }
        let safe = try? Regex("^(?:" + TraceGeneralizer.safePattern + ")$")
        for index in unsafe.sorted(by: >) {
            guard case .input(let name) = parts[index] else { continue }
            let before = RedactedPart.text(of: Array(parts[..<index]))
            let seen = values[name].map { Array($0.values) } ?? []
            let allowed = seen.allSatisfy { value in (try? safe?.wholeMatch(in: value)) != nil }
            let whole = parts.map { part -> String in
                if case .input(let input) = part { return value(of: input, trace: trace) }
                return RedactedPart.text(of: [part])
            }.joined()
            guard allowed, let (splice, unquote) = Self.splice(for: name, after: before, in: whole) else {
                let value = value(of: name, trace: trace)
                literal.append("'\(value)' in step \(step) stays literal: it stands where the command runs text as code, and \(allowed ? "a here-document cannot read a variable there" : "not every value seen is made of letters, digits, '.', '_' and '-'")")
                parts[index] = .text(value)
                continue
            }
            let variable = Self.variable(for: name)
            if !environment.contains(where: { $0.0 == variable }) { environment.append((variable, name)) }
            restricted.insert(name)
            parts[index] = .text(splice)
            if let unquote { Self.unquote(unquote, in: &parts) }
        }
        // What could not be made safe is written as it was recorded.
        if !Self.unsafeParts(parts).isEmpty {
            literal.append("the values of step \(step) stay literal: its command would not pass the shell-safety check with them as inputs")
            return parts.map { part in
                if case .input(let name) = part { return .text(value(of: name, trace: trace)) }
                return part
            }
        }
        return parts
    }

    /// The environment variable that carries input `name` into code.
    static func variable(for name: String) -> String {
        "INPUT_" + String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The indexes of the input parts that stand where a template may not.
    static func unsafeParts(_ parts: [RedactedPart]) -> Set<Int> {
        var source = ""
        var places: [(Int, Range<Int>)] = []
        for (index, part) in parts.enumerated() {
            let text = RedactedPart.template(of: [part])
            let start = source.unicodeScalars.count
            source += text
            if part.isInput { places.append((index, start..<source.unicodeScalars.count)) }
        }
        guard !places.isEmpty, let template = try? Template(parsing: source) else { return Set(places.map(\.0)) }
        let problems = ShellPlanner.problems(in: template, isInteger: { _ in true })
        var unsafe = Set<Int>()
        for problem in problems {
            for (index, range) in places where range.overlaps(problem.range) || range.contains(problem.range.lowerBound) { unsafe.insert(index) }
        }
        if !problems.isEmpty && unsafe.isEmpty { unsafe = Set(places.map(\.0)) }
        return unsafe
    }

    /// The text that expands input `name`'s variable at the end of `before` (a command's text so
    /// far, `command` the whole of it), quoted for the place: in single quotes `'"$X"'`, in double
    /// quotes `${X}`, elsewhere `"$X"`. In the body of a here-document `${X}`, and when its
    /// delimiter is quoted (`<<'EOF'`, which keeps the body literal) the delimiter to unquote with
    /// it; nil when the body holds `$`, a backquote or a backslash that unquoting would expand.
    static func splice(for name: String, after before: String, in command: String) -> (String, unquote: String?)? {
        let variable = variable(for: name)
        if let opening = before.ranges(of: "<<").last, let lineEnd = before[opening.upperBound...].firstIndex(of: "\n") {
            let header = before[opening.upperBound..<lineEnd].drop { $0 == "-" || $0 == " " }
            guard let first = header.first else { return nil }
            guard first == "'" || first == "\"" else { return ("${\(variable)}", nil) }
            let delimiter = header.dropFirst().prefix { $0 != first }
            let bodyStart = command.index(command.startIndex, offsetBy: before.distance(from: before.startIndex, to: lineEnd))
            guard !command[bodyStart...].contains(where: { $0 == "$" || $0 == "`" || $0 == "\\" }) else { return nil }
            return ("${\(variable)}", String(first) + delimiter + String(first))
        }
        var quote: Character?
        var escaped = false
        for character in before {
            if escaped {
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"): escaped = true
            case (nil, "'"), (nil, "\""): quote = character
            case ("'", "'"), ("\"", "\""): quote = nil
            default: break
            }
        }
        switch quote {
        case "'": return ("'\"$\(variable)\"'", nil)
        case "\"": return ("${\(variable)}", nil)
        default: return ("\"$\(variable)\"", nil)
        }
    }

    /// Unquotes the here-document delimiter `quoted` (`'EOF'` → `EOF`) in the first text part
    /// that has it after `<<`.
    static func unquote(_ quoted: String, in parts: inout [RedactedPart]) {
        for (index, part) in parts.enumerated() {
            guard case .text(let text) = part, let range = text.firstRange(of: "<<" + quoted) ?? text.firstRange(of: "<<-" + quoted) else { continue }
            var replaced = text
            replaced.replaceSubrange(range, with: String(text[range]).replacingQuotes(quoted))
            parts[index] = .text(replaced)
            return
        }
    }
}

extension String {
    /// The text with the quoted word `quoted` (`'EOF'`) written without its quotes.
    fileprivate func replacingQuotes(_ quoted: String) -> String {
        let bare = String(quoted.dropFirst().dropLast())
        var out = self
        if let range = out.firstRange(of: quoted) { out.replaceSubrange(range, with: bare) }
        return out
    }
}
