/// Here-documents: the delimiter, and a body whose values arrive exactly.
extension ShellScanner {

    mutating func startDelimiter(stripsTabs: Bool) {
        delimiter = (String.UnicodeScalarView(), false, stripsTabs, script.count, false, nil, false)
        frames.append(.heredocDelimiter)
        needsShell = true
    }

    mutating func scanDelimiter(_ scalar: Unicode.Scalar) {
        if delimiter.escape {
            delimiter.escape = false
            delimiter.text.append(scalar)
            copy(scalar)
            return
        }
        if let quote = delimiter.quote {
            copy(scalar)
            if scalar == quote { delimiter.quote = nil } else { delimiter.text.append(scalar) }
            return
        }
        if !delimiter.started, scalar == " " || scalar == "\t" {
            copy(scalar)
            delimiter.scriptStart = script.count
            return
        }
        switch scalar {
        case " ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")":
            endDelimiter()
            scan(scalar)
        case "'", "\"":
            copy(scalar)
            delimiter.started = true
            delimiter.quoted = true
            delimiter.quote = scalar
        case "\\":
            copy(scalar)
            delimiter.started = true
            delimiter.quoted = true
            delimiter.escape = true
        default:
            copy(scalar)
            delimiter.started = true
            delimiter.text.append(scalar)
        }
    }

    mutating func endDelimiter() {
        frames.removeLast()
        let text = String(delimiter.text)
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        var heredoc = Heredoc(delimiter: text, stripsTabs: delimiter.stripsTabs, quoted: delimiter.quoted, rewritten: false)
        if delimiter.quoted, plain {
            // Written unquoted with its body escaped, the here-document stays literal and a value
            // can be expanded in it.
            script.removeLast(script.count - delimiter.scriptStart)
            script.append(contentsOf: text.unicodeScalars)
            heredoc.rewritten = true
        }
        heredocs.append(heredoc)
        pendingHeredocs.append(heredocs.count - 1)
        let top = commands.count - 1
        commands[top].heredocs.append((heredocs.count - 1, commands[top].stages.count))
    }

    mutating func scanHeredocBody(_ scalar: Unicode.Scalar, index: Int) {
        let heredoc = heredocs[index]
        if scalar == "\n" {
            copy(scalar)
            endHeredocLine()
            return
        }
        heredocLine.append(scalar)
        if heredoc.quoted {
            if heredoc.rewritten, scalar == "\\" || scalar == "$" || scalar == "`" { script.append("\\") }
            copy(scalar)
            return
        }
        if escapedOrExpansion(scalar) { return }
        copy(scalar)
        if scalar == "\\" { escapePending = true }
    }

    /// At the end of a body line: the delimiter line ends the here-document.
    mutating func endHeredocLine() {
        guard case .heredocBody(let index) = frames.last else { return }
        var line = Substring(String(heredocLine))
        if heredocs[index].stripsTabs { line = line.drop { $0 == "\t" } }
        let ends = !heredocLineHasValue && line == heredocs[index].delimiter
        heredocLine = String.UnicodeScalarView()
        heredocLineHasValue = false
        guard ends else { return }
        frames.removeLast()
        heredocCommandBase = 0
        if !pendingHeredocs.isEmpty {
            frames.append(.heredocBody(index: pendingHeredocs.removeFirst()))
            heredocCommandBase = commands.count
        }
    }
}
