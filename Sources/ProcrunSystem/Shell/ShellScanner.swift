import ProcrunText

/// The POSIX quoting state machine behind `ShellPlanner`: reads a command line's literal text and
/// values in order and builds, side by side, the words to run directly, the script to run with
/// a shell (each value a variable reference quoted for where it stands), the text a dry run shows
/// (each value quoted as a literal for where it stands), and a `Site` for each value: where it
/// stands and whether that place allows data there.
///
/// It follows contexts as a stack: unquoted code (the top level, `$(...)`, backquotes, `<(...)`),
/// double and single quotes, `$'...'`, `${...}`, arithmetic (`$(( ))`, `(( ))`, `$[ ]`, a
/// subscript), comments and here-documents; and the words of each simple command, so that
/// `ShellCodeRules` can tell a word that a program runs as code.
package struct ShellScanner {
    /// Whether the command needs a shell (syntax outside quotes, or a `raw` value).
    var needsShell = false
    /// The script for `sh -c`, values as quoted variable references.
    var script = String.UnicodeScalarView()
    /// The command as a dry run shows it, values as quoted literals.
    var display = String.UnicodeScalarView()
    /// The variables that carry the values, in order.
    var variables: [ShellPlan.Variable] = []
    /// Each value's place, in order.
    var sites: [Site] = []
    /// Why a command that reads the step's standard input (the first of a top-level pipeline)
    /// runs it as code, if one does.
    var standardInputReader: String?
    /// An unterminated quote.
    var syntaxError: ShellPlanError?
    /// The direct words (meaningful when `needsShell` is false).
    var directWords: [String] = []
    /// Whether to keep every finished simple command in ``simpleCommands`` (for reading a
    /// recorded command line; planning a step does not need them).
    var keepsCommands = false
    /// The simple commands read, in the order they ended, when ``keepsCommands`` is set; `nested`
    /// is true inside `$(...)`, backquotes or `<(...)`.
    var simpleCommands: [(words: [Word], nested: Bool)] = []

    /// Whether to collect ``arithmeticNames`` (reading a command for the variables procrun sets,
    /// not planning it): subscripts and offsets inside `${...}` are then read as arithmetic too.
    var collectsNames = false
    /// The variables the command reads inside arithmetic, when ``collectsNames`` is set.
    var arithmeticNames: Set<String> = []
    /// The name being read inside arithmetic.
    var nameRun = String.UnicodeScalarView()
    /// The name being read at the start of `${...}`.
    var parameterName: String.UnicodeScalarView?
    /// A `:` just followed the name of a `${...}`: an offset follows unless `-`, `=`, `?`, `+` does.
    var parameterOffsetPending = false

    var frames: [Frame] = [.command]
    var commands: [CommandState] = [CommandState(closer: .end)]
    var heredocs: [Heredoc] = []
    var pendingHeredocs: [Int] = []
    var heredocLine = String.UnicodeScalarView()
    var heredocLineHasValue = false
    /// The here-document delimiter being read.
    var delimiter = (text: String.UnicodeScalarView(), quoted: false, stripsTabs: false, scriptStart: 0, started: false, quote: Unicode.Scalar?.none, escape: false)
    var escapePending = false
    var dollarPending = false
    var lessPending = 0
    var greaterPending = false
    var quoteStart = 0
    var offset = 0
    /// The index of the template's value being inserted, among those that are not `raw`.
    var part = 0
    /// The values (by ``part``) whose last filter is `shell_quote`: one word of a script a POSIX
    /// shell runs where they stand alone as a word in it.
    let shellQuotedParts: Set<Int>
    /// Hides secrets in the dry-run text; nil when no dry-run text is wanted.
    let mask: ((String) -> String)?
    /// Whether the code rules could find something: the command has values and names a program
    /// they know, or a value names the program.
    let analyzesCode: Bool

    /// A scanner; `mask`, when given, hides secrets in the dry-run text it builds;
    /// `shellQuotedParts`: the values whose last filter is `shell_quote`.
    init(analyzesCode: Bool, mask: ((String) -> String)? = nil, shellQuotedParts: Set<Int> = []) {
        self.analyzesCode = analyzesCode
        self.mask = mask
        self.shellQuotedParts = shellQuotedParts
    }

    /// Scans template text (`isLiteral`, starting at `offset` in the template) or a raw value:
    /// shell code, copied into the script.
    mutating func scanCode(_ code: String, isLiteral: Bool, at start: Int) {
        if !isLiteral { needsShell = true }
        offset = start
        for scalar in code.unicodeScalars {
            scan(scalar)
            if isLiteral { offset += 1 }
        }
    }

    /// Inserts a value written at `start` in the template.
    mutating func insertValue(_ value: String, at start: Int) {
        offset = start
        settlePending()
        if escapePending {
            // A backslash just before a value has nothing to escape: dropped.
            escapePending = false
            script.removeLast()
            if mask != nil { display.removeLast() }
        }
        let index = variables.count
        let name = "PROCRUN_V\(index + 1)"
        variables.append(ShellPlan.Variable(name: name, value: value))
        var kind = Site.Kind.data
        let shown = mask?(value) ?? ""
        let frame = frames[frames.count - 1]
        switch frame {
        case .command:
            append(script: "\"${\(name)}\"", display: ShellQuote.word(shown))
        case .comment:
            append(script: "\"${\(name)}\"", display: ShellQuote.word(shown))
        case .doubleQuoted:
            append(script: "${\(name)}", display: Self.insideDoubleQuotes(shown))
        case .singleQuoted:
            append(script: "'\"${\(name)}\"'", display: shown.replacingOccurrences("'", with: "'\\''"))
        case .ansiQuoted:
            append(script: "'\"${\(name)}\"$'", display: "'" + ShellQuote.word(shown) + "$'")
        case .arithmetic, .bracket:
            append(script: "${\(name)}", display: shown)
        case .parameter:
            append(script: "${\(name)}", display: shown)
            kind = .refused(
                "a templated value cannot stand inside '${...}', where the shell reads it as a pattern or an expression; pass it in 'env' and write \"${NAME}\"")
        case .heredocDelimiter:
            kind = .refused("a templated value cannot be the delimiter of a here-document")
            append(script: "\"${\(name)}\"", display: ShellQuote.word(shown))
        case .heredocBody(let doc):
            heredocLineHasValue = true
            let heredoc = heredocs[doc]
            if heredoc.quoted && !heredoc.rewritten {
                kind = .refused(
                    "a templated value cannot stand in this here-document: its quoted delimiter is not plain (letters, digits, '_'), so the shell would not expand it; name it plainly, as <<'EOF'")
            }
            append(script: "${\(name)}", display: heredoc.quoted ? shown : Self.backslashed(shown))
        }
        if let body = frames.last(where: { if case .heredocBody = $0 { true } else { false } }), case .heredocBody(let doc) = body,
            let reason = heredocs[doc].feedsCode
        {
            kind = .code(reason)
        }
        if kind == .data, frames.contains(where: { if case .arithmetic = $0 { true } else { $0 == .bracket } }) {
            kind = .arithmetic
        }
        if kind == .data, frames.contains(where: { if case .parameter = $0 { true } else { false } }) {
            kind = .refused(
                "a templated value cannot stand inside '${...}', where the shell reads it as a pattern or an expression; pass it in 'env' and write \"${NAME}\"")
        }
        let site = sites.count
        sites.append(Site(offset: start, kind: kind, value: index, part: part))
        if !isInBody, frame != .comment {
            let top = commands.count - 1
            if kind == .data, firstWord(top) == "let" { sites[site].kind = .arithmetic }
            commands[top].word.sites.append(site)
            commands[top].word.hasValue = true
            commands[top].word.started = true
            commands[top].word.literal.append("\u{0}")
            commands[top].word.text.append(contentsOf: value.unicodeScalars)
            commands[top].justOpened = .none
            for outer in heredocCommandBase..<top {
                commands[outer].word.nestedSites.append(site)
            }
        }
    }

    /// Ends the scan: the last word and command, and an unterminated quote.
    mutating func finish() {
        if collectsNames { endNameRun() }
        settlePending()
        if escapePending {
            escapePending = false
            addToWord("\\")
        }
        if case .heredocBody = frames.last {
            endHeredocLine()
        }
        while let frame = frames.last, frame != .command || commands.count > 1 {
            switch frame {
            case .singleQuoted, .ansiQuoted:
                syntaxError = syntaxError ?? ShellPlanError(offset: quoteStart, message: "unterminated single quote")
            case .doubleQuoted:
                syntaxError = syntaxError ?? ShellPlanError(offset: quoteStart, message: "unterminated double quote")
            case .heredocDelimiter:
                endDelimiter()
                continue
            default:
                break
            }
            if frame == .command { endCommand(pipeline: true) ; commands.removeLast() }
            frames.removeLast()
        }
        endCommand(pipeline: true)
    }

    var isInBody: Bool {
        if case .heredocBody = frames[frames.count - 1] { return true }
        return frames[frames.count - 1] == .heredocDelimiter
    }

    /// The first command level a value inside the current here-document's body belongs to.
    var heredocCommandBase = 0

    func firstWord(_ command: Int) -> String? {
        let state = commands[command]
        guard let first = state.words.first(where: { !["if", "then", "do", "else", "elif", "while", "until", "!", "{", "time"].contains(String($0.literal)) }) else {
            return nil
        }
        return String(first.literal)
    }

    /// The error for a value that would run as code; `value` is how the template wrote it.
    static func codeMessage(_ reason: String, value: String) -> String {
        "a templated value here would run as code: \(reason); pass it as an argument instead, as in sh -c '... \"$1\"' _ \(value), or write '| raw' to insert it as code knowingly"
    }

    /// A value written inside double quotes for a dry run: `\`, `$`, backquote and `"` escaped;
    /// a value with `!` (history expansion at an interactive prompt) leaves the quotes instead.
    static func insideDoubleQuotes(_ text: String) -> String {
        if text.unicodeScalars.contains("!") { return "\"" + ShellQuote.word(text) + "\"" }
        return backslashed(text, before: "\\$`\"")
    }

    /// `text` with a backslash before each of `specials`: how the body of an unquoted
    /// here-document, or text inside backquotes, keeps them literal.
    static func backslashed(_ text: String, before specials: String = "\\$`") -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if specials.unicodeScalars.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    mutating func append(script text: String, display shown: @autoclosure () -> String) {
        script.append(contentsOf: text.unicodeScalars)
        guard mask != nil else { return }
        let shown = shown()
        // Inside backquotes the shell removes a backslash before `\`, `$` and a backquote
        // before it reads the text.
        let inBackquotes = commands.contains { $0.closer == .backquote }
        display.append(contentsOf: (inBackquotes ? Self.backslashed(shown) : shown).unicodeScalars)
    }
}
