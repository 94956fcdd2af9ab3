import ProcrunText

/// A list value in a command line: spread as words where it stands alone as a word.
extension ShellScanner {
    /// The characters that end a word where a value ends: a blank, a newline or an operator.
    static let wordEnds: Set<Unicode.Scalar> = [" ", "\t", "\n", ";", "&", "|", ")", "<", ">"]

    /// Inserts a list value written at `start`. Where it stands alone as a word outside quotes
    /// (`endsWord`: the text after it ends the word) each item is a word of its own, data as
    /// any value (no splitting, no globbing), and an empty list gives no word; anywhere else it
    /// is one value, its items as JSON, refused there.
    mutating func insertWords(_ items: [String], at start: Int, endsWord: Bool) {
        settlePending()
        guard endsWord, standsAsWord else {
            insertValue(Value.list(items.map(Value.string)).jsonText, at: start)
            sites[sites.count - 1].kind = .problem(.listNotWord)
            return
        }
        for (position, item) in items.enumerated() {
            if position > 0 {
                append(script: " ", display: " ")
                endWord()
            }
            insertValue(item, at: start)
        }
    }

    /// Whether a value inserted now starts a word of a command, outside quotes: not in a word
    /// begun, not after a backslash, not the target of a redirection, not in `[[ ]]`.
    var standsAsWord: Bool {
        let top = commands.count - 1
        return frames[frames.count - 1] == .command && !escapePending && !commands[top].word.started
            && !commands[top].nextIsRedirection && !commands[top].inDoubleBracket
    }

    /// The values of `word` (a script a POSIX shell runs) whose last filter is `shell_quote`:
    /// those standing in that script alone as a word outside quotes are data, returned; the others
    /// are refused (``TemplateProblem/shellQuoteNotWord``).
    mutating func settleShellQuoted(_ word: Word) -> Set<Int> {
        var data: Set<Int> = []
        for (ordinal, site) in word.sites.enumerated() where shellQuotedParts.contains(sites[site].part) {
            if Self.standsAsWord(in: word.literal, value: ordinal) {
                data.insert(site)
            } else {
                sites[site].kind = .problem(.shellQuoteNotWord)
            }
        }
        return data
    }

    /// Whether the value `ordinal` of `script` (values as U+0000, as ``Word/literal`` has them)
    /// stands alone as a word outside quotes when a shell reads `script`.
    static func standsAsWord(in script: String.UnicodeScalarView, value ordinal: Int) -> Bool {
        var scanner = ShellScanner(analyzesCode: false)
        var text = String.UnicodeScalarView()
        var seen = 0
        let scalars = Array(script)
        for (index, scalar) in scalars.enumerated() {
            guard scalar == "\u{0}" else {
                text.append(scalar)
                continue
            }
            scanner.scanCode(String(text), isLiteral: true, at: 0)
            text = String.UnicodeScalarView()
            if seen == ordinal {
                scanner.settlePending()
                let next = scalars.indices.contains(index + 1) ? scalars[index + 1] : nil
                return scanner.standsAsWord && (next.map(wordEnds.contains) ?? true)
            }
            scanner.insertValue("0", at: 0)
            seen += 1
        }
        return false
    }
}
