/// Reads the lines of a `.env` file: `KEY=value`, `export KEY=value`, values in single quotes
/// (taken literally) or double quotes (with `\n`, `\t`, `\"` and `\\` escapes), `#` comments on
/// their own line or after an unquoted value, and blank lines.
enum DotenvParser {
    /// A problem at a 1-based line and column.
    struct Failure: Error {
        var line: Int
        var column: Int
        var problem: LanguageProblem

        /// What is wrong, as the problem writes it.
        var message: String { problem.described.message }
    }

    /// The variables of `text`, in order (a later one with the same name wins when applied).
    static func parse(_ text: String) throws(Failure) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for (index, rawLine) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Array(rawLine)
            if line.last == "\r" { line.removeLast() }
            var position = 0
            func column() -> Int { position + 1 }
            func fail(_ problem: LanguageProblem) -> Failure { Failure(line: index + 1, column: column(), problem: problem) }
            func skipBlanks() { while position < line.count, line[position] == " " || line[position] == "\t" { position += 1 } }
            skipBlanks()
            if position == line.count || line[position] == "#" { continue }
            if line[position...].starts(with: "export ".unicodeScalars) {
                position += 7
                skipBlanks()
            }
            let nameStart = position
            while position < line.count, line[position] == "_" || ("a"..."z").contains(line[position]) || ("A"..."Z").contains(line[position]) || ("0"..."9").contains(line[position])
            {
                position += 1
            }
            let name = String(String.UnicodeScalarView(line[nameStart..<position]))
            guard !name.isEmpty, !("0"..."9").contains(line[nameStart]) else {
                position = nameStart
                // (The rest of the line is not quoted: it may hold a secret value.)
                throw fail(.dotenvName)
            }
            skipBlanks()
            guard position < line.count, line[position] == "=" else {
                throw fail(.dotenvEquals(name: name, found: position < line.count ? "\(line[position])" : nil))
            }
            position += 1
            skipBlanks()
            var value = ""
            if position < line.count, line[position] == "'" || line[position] == "\"" {
                let quote = line[position]
                let opening = column()
                position += 1
                var closed = false
                while position < line.count {
                    let scalar = line[position]
                    position += 1
                    if scalar == quote {
                        closed = true
                        break
                    }
                    if quote == "\"", scalar == "\\", position < line.count {
                        let escaped = line[position]
                        position += 1
                        switch escaped {
                        case "n": value += "\n"
                        case "t": value += "\t"
                        case "\"", "\\", "$": value.unicodeScalars.append(escaped)
                        default: value += "\\" + String(escaped)
                        }
                        continue
                    }
                    value.unicodeScalars.append(scalar)
                }
                guard closed else {
                    throw Failure(line: index + 1, column: opening, problem: .dotenvUnterminated(name: name, single: quote == "'"))
                }
                skipBlanks()
                guard position == line.count || line[position] == "#" else {
                    throw fail(.dotenvAfterQuote(name: name, found: "\(line[position])"))
                }
            } else {
                var end = position
                while end < line.count, !(line[end] == "#" && end > 0 && (line[end - 1] == " " || line[end - 1] == "\t")) { end += 1 }
                var text = line[position..<end]
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
                value = String(String.UnicodeScalarView(text))
            }
            result.append((name, value))
        }
        return result
    }
}
