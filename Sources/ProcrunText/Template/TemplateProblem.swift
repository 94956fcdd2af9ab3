/// Every problem the template layer reports (its lexer, its parser, its checker, rendering and the
/// filters), with the data its message needs: ``described`` writes all of the layer's messages and
/// picks their ids. A ``TemplateError`` pairs one with where it is.
package enum TemplateProblem: DiagnosticMessage, Error, Hashable {
    // MARK: Syntax

    /// An integer literal too large for an integer.
    case integerTooLarge(literal: String)
    /// A number literal out of the range of a number.
    case numberOutOfRange(literal: String)
    /// A string literal whose closing quote (`'` or `"`) is missing.
    case unterminatedString(quote: Unicode.Scalar)
    /// A character that starts no token (`=` alone, `!` alone, `}` alone, `&` alone, ...).
    case unexpectedCharacter(String)
    /// `||` or `&&`, which the language spells `or` and `and`.
    case unexpectedOperator(String)
    /// Text after a whole expression: `end` is how the end is named (`'}}'`, "end of text").
    case expectedEnd(end: String, found: String)
    /// A `(` whose `)` is missing.
    case unclosedParenthesis(found: String)
    /// A filter's arguments whose `)` is missing.
    case unclosedArguments(filter: String, found: String)
    /// An index whose `]` is missing.
    case unclosedIndex(found: String)
    /// `A if COND` without `else B`.
    case expectedElse(found: String)
    /// `not` without `in` after it.
    case expectedInAfterNot(found: String)
    /// `|` without a filter name after it.
    case expectedFilterName(found: String)
    /// No expression where one must start.
    case expectedExpression(found: String)
    /// `.` without a name after it.
    case expectedFieldName(found: String)
    /// `[` without an integer after it.
    case expectedIndex(found: String)
    /// `{{ }}` with nothing in it.
    case emptyExpression
    /// `{{` never closed.
    case unclosedExpression
    /// A condition written as text, or as several expressions.
    case notBareExpression
    /// A condition with nothing in it.
    case emptyCondition

    // MARK: Names and types

    /// A name that is not defined: `name` as written up to the missing part, a near name, and the
    /// names of the path up to the missing one (`["steps", "build"]` for `steps.build`).
    case undefinedName(name: String, suggestion: String?, path: [String])
    /// An output read (`name`, `steps.STEP.outputs.NAME`) of a step that gave none: it was
    /// `skipped`, or it failed and the run went on.
    case outputOfStepNotRun(name: String, step: String, skipped: Bool)
    /// A filter that does not exist, and a near one.
    case unknownFilter(name: String, suggestion: String?)
    /// A filter given a number of arguments its `arity` does not allow.
    case filterArity(filter: String, arity: ClosedRange<Int>, found: Int)
    /// A filter applied to a value of a type it does not take (`accepted` nil: anything but null).
    case filterType(filter: String, accepted: [ValueType]?, found: ValueType)
    /// A filter argument of the wrong type.
    case filterArgument(filter: String, expected: ValueType, found: ValueType)
    /// `and`, `or` or `not` applied to a value that is not a boolean.
    case operatorNotBoolean(operator: String, found: ValueType)
    /// `<`, `<=`, `>`, `>=` between values that cannot be ordered.
    case cannotCompare(operator: String, left: ValueType, right: ValueType)
    /// `in` with a string or mapping on its right and no string on its left.
    case membershipLeft(right: ValueType, found: ValueType)
    /// `in` with something that holds nothing on its right.
    case membershipRight(found: ValueType)
    /// A `match` pattern that is not a regular expression.
    case invalidPattern(pattern: String, reason: String)
    /// An index past the end of a list.
    case indexOutOfRange(index: Int, list: String, count: Int)
    /// A field of a value that has none (`found` its type; null said so).
    case noField(holder: String, found: ValueType, field: String)
    /// An index into a value that is not a list.
    case notIndexable(holder: String, found: ValueType)

    // MARK: Rendering

    /// Null where text is needed.
    case nullAsText
    /// An expression whose value is null where text is needed.
    case nullExpression(expression: String)
    /// A filter that must render a null value.
    case filterCannotRenderNull(filter: String)
    /// `join` over a list with a null item.
    case joinNullItem(index: Int)
    /// A filter argument that must not be empty (`what` it is: "separator").
    case emptyArgument(filter: String, what: String)
    /// `from_json` given text that is not JSON.
    case notJSON(reason: String, column: Int)
    /// `int` given a number with a fraction.
    case notWholeNumber
    /// `int` given text that is not an integer.
    case notIntegerText

    // MARK: Others' problems

    /// A list in a command where it cannot spread as words: inside quotes, or part of a bigger
    /// word (`--flag={{ list }}`).
    case listNotWord
    /// A list in an item of a list-form command that holds more than the one template.
    case listInItem
    /// `shell_quote` as the last filter of a value in a word a program runs as code, where the
    /// value does not stand, in that word's own script, alone as a word outside quotes.
    case shellQuoteNotWord
    /// A command line's problem found by the shell planner (a value the shell would read as code,
    /// an unterminated quote): its message is the Process layer's.
    case commandSyntax(String)
    /// A problem whose message its raiser wrote (the runtime's, until it has a catalog of its own).
    case written(String)

    package var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .integerTooLarge(let literal): (.templateSyntax, "integer literal '\(literal)' is too large")
        case .numberOutOfRange(let literal): (.templateSyntax, "number literal '\(literal)' is out of range")
        case .unterminatedString(let quote): (.templateSyntax, "unterminated string literal: expected a closing \(quote == "'" ? "\"'\"" : "'\"'")")
        case .unexpectedCharacter(let shown):
            switch shown {
            case "=": (.templateSyntax, "unexpected character '='; did you mean '=='?")
            case "!": (.templateSyntax, "unexpected character '!'; did you mean '!=' or 'not'?")
            default: (.templateSyntax, "unexpected character '\(shown)'")
            }
        case .unexpectedOperator(let text): (.templateSyntax, "unexpected '\(text)'; did you mean '\(text == "||" ? "or" : "and")'?")
        case .expectedEnd(let end, let found): (.templateSyntax, "expected \(end), found \(found)")
        case .unclosedParenthesis(let found): (.templateSyntax, "expected ')' to close '(', found \(found)")
        case .unclosedArguments(let filter, let found): (.templateSyntax, "expected ')' to close the arguments of '\(filter)', found \(found)")
        case .unclosedIndex(let found): (.templateSyntax, "expected ']' to close the index, found \(found)")
        case .expectedInAfterNot(let found): (.templateSyntax, "expected 'in' after 'not', found \(found)")
        case .expectedElse(let found): (.templateSyntax, "expected 'else' after 'if' and its condition, found \(found)")
        case .expectedFilterName(let found): (.templateSyntax, "expected a filter name after '|', found \(found)")
        case .expectedExpression(let found): (.templateSyntax, "expected an expression, found \(found)")
        case .expectedFieldName(let found): (.templateSyntax, "expected a name after '.', found \(found)")
        case .expectedIndex(let found): (.templateSyntax, "expected an integer index after '[', found \(found)")
        case .emptyExpression: (.templateSyntax, "empty '{{ }}': expected an expression")
        case .unclosedExpression: (.templateSyntax, "unclosed '{{': expected '}}'")
        case .notBareExpression:
            (.templateSyntax, "expected a bare expression or a single '{{ expression }}', found a template with text or several expressions")
        case .emptyCondition: (.templateSyntax, "expected an expression, found an empty condition")

        case .undefinedName(let name, let suggestion, _):
            (.undefinedName, "undefined name '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
        case .outputOfStepNotRun(let name, let step, let skipped):
            (.undefinedName, "undefined name '\(name)': step '\(step)' \(skipped ? "was skipped" : "failed"), so it has no outputs")
        case .unknownFilter(let name, let suggestion):
            (.unknownFilter, "unknown filter '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
        case .filterArity(let filter, let arity, let found): (.templateType, "filter '\(filter)' \(Self.takes(arity)), found \(found)")
        case .filterType(let filter, let accepted, let found):
            (
                .templateType,
                "filter '\(filter)' expects \(Self.described(accepted)), found \(found.nameWithArticle)"
                    + (found == .null ? "; add a default first, for example '| default(\"\") | \(filter)'" : "")
            )
        case .filterArgument(let filter, let expected, let found):
            (.templateType, "filter '\(filter)' expects \(expected.nameWithArticle) argument, found \(found.nameWithArticle)")
        case .operatorNotBoolean(let name, let found): (.templateType, "'\(name)' expects a boolean, found \(found.nameWithArticle)")
        case .cannotCompare(let name, let left, let right):
            (.templateType, "cannot compare \(left.nameWithArticle) and \(right.nameWithArticle) with '\(name)': expected two numbers or two strings")
        case .membershipLeft(let right, let found):
            (
                .templateType,
                "'in' expects \(right == .string ? "a string on its left when its right is a string" : "a string key on its left when its right is a mapping"), found \(found.nameWithArticle)"
            )
        case .membershipRight(let found): (.templateType, "'in' expects a list, string or mapping on its right, found \(found.nameWithArticle)")
        case .invalidPattern(let pattern, let reason): (.templateType, "invalid regular expression \(Value.string(pattern).jsonText): \(reason)")
        case .indexOutOfRange(let index, let list, let count):
            (.templateType, "index \(index) is out of range for '\(list)' (\(count) item\(count == 1 ? "" : "s"))")
        case .noField(let holder, let found, let field):
            (.templateType, "'\(holder)' is \(found == .null ? "null" : found.nameWithArticle); it has no field '\(field)'")
        case .notIndexable(let holder, let found): (.templateType, "cannot index '\(holder)': expected a list, found \(found.nameWithArticle)")

        case .nullAsText: (.templateType, "null cannot be rendered as text; add a default, for example '| default(\"\")'")
        case .nullExpression(let expression): (.templateType, "'\(expression)' is null; add a default, for example '| default(\"\")'")
        case .filterCannotRenderNull(let filter): (.templateType, "filter '\(filter)' cannot render null")
        case .joinNullItem(let index): (.templateType, "filter 'join' cannot render item \(index), which is null")
        case .emptyArgument(let filter, let what): (.templateType, "filter '\(filter)' expects a non-empty \(what), found ''")
        case .notJSON(let reason, let column): (.templateType, "filter 'from_json' expects JSON text: \(reason) at column \(column)")
        case .notWholeNumber: (.templateType, "filter 'int' expects a whole number")
        case .notIntegerText: (.templateType, "filter 'int' expects the text of an integer")

        case .listNotWord:
            (
                .commandSyntax,
                "a list spreads as separate words only where it stands alone as a word outside quotes (cargo test {{ inputs.args }}); here it is inside quotes or part of a word: write '| join(\" \")' to make it one text"
            )
        case .listInItem:
            (
                .commandSyntax,
                "a list spreads into items only where an item is exactly its one template ('{{ inputs.args }}'); here the item holds more: write '| join(\" \")' to make it one text"
            )
        case .shellQuoteNotWord:
            (
                .commandSyntax,
                "'shell_quote' makes a value safe in a word a program runs as code only where it stands, in that word's own script, alone as a word outside quotes ('deploy {{ v | shell_quote }}'); here it is inside quotes or part of a word, where the quotes it adds would not be read as quotes"
            )
        case .commandSyntax(let message): (.commandSyntax, message)
        case .written(let message): (.templateType, message)
        }
    }

    /// "takes no arguments", "takes 2 arguments", "takes at most 1 argument".
    private static func takes(_ arity: ClosedRange<Int>) -> String {
        switch (arity.lowerBound, arity.upperBound) {
        case (0, 0): "takes no arguments"
        case (0, let most): "takes at most \(most) argument\(most == 1 ? "" : "s")"
        case (let least, let most) where least == most: "takes \(least) argument\(least == 1 ? "" : "s")"
        case (let least, let most): "takes \(least) to \(most) arguments"
        }
    }

    /// "a string", "a string, list or mapping"; "anything but null" for nil.
    private static func described(_ accepted: [ValueType]?) -> String {
        guard let accepted, let first = accepted.first else { return "anything but null" }
        let rest = accepted.dropFirst().map(\.name)
        guard let last = rest.last else { return first.nameWithArticle }
        return ([first.nameWithArticle] + rest.dropLast()).joined(separator: ", ") + " or " + last
    }
}
