import Glibc
import ProcrunKit
import Testing

/// Compares a text (what procrun printed, a file it wrote) whole with what a test expects, and on a
/// difference reports it line by line, as a diff from the expected text to the actual one.
///
/// With `PROCRUN_TEST_ACTUALS=FILE` in the environment, each difference is also appended to FILE
/// as a JSON line (`file`, `line`, `what`, `actual`): the actual texts, normalised, to review and
/// paste when a change to procrun's output is meant.
enum WholeText {
    /// Records an issue at `sourceLocation` unless `actual`, after `normalizations`, is `expected`.
    static func expect(
        _ actual: String, equals expected: String, _ what: String = "the text", normalizing normalizations: [OutputNormalization] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let normalized = normalizations.reduce(actual) { $1.apply($0) }
        guard normalized != expected else { return }
        let names = normalizations.isEmpty ? "" : " (normalised: " + normalizations.map(\.name).joined(separator: ", ") + ")"
        Issue.record(
            Comment(rawValue: "\(what) differs from what was expected\(names); - expected, + actual:\n" + diff(from: expected, to: normalized)),
            sourceLocation: sourceLocation)
        record(actual: normalized, what, at: sourceLocation)
    }

    /// Records an issue unless `actual`, after `normalizations`, is the text of the file at `path`
    /// (a golden file, for texts too long to read well inline). With `PROCRUN_TEST_UPDATE_GOLDEN=1`
    /// in the environment, a file that differs or is missing is written instead, to review in git.
    static func expect(
        _ actual: String, equalsContentsOf path: String, normalizing normalizations: [OutputNormalization] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let normalized = normalizations.reduce(actual) { $1.apply($0) }
        let golden = (try? FileSystem.read(path)).map { String(decoding: $0, as: UTF8.self) }
        guard golden != normalized else { return }
        if FileSystem.environment("PROCRUN_TEST_UPDATE_GOLDEN") == "1" {
            do { try FileSystem.write(Array(normalized.utf8), to: path) } catch { Issue.record("\(error)", sourceLocation: sourceLocation) }
            return
        }
        expect(actual, equals: golden ?? "", "the text of \(path)", normalizing: normalizations, sourceLocation: sourceLocation)
    }

    /// The lines of `expected` and `actual`, each marked ` ` (in both), `-` (expected only) or `+`
    /// (actual only); characters that do not show (escape, carriage return, tab, trailing spaces)
    /// are written as Swift escapes.
    static func diff(from expected: String, to actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var removed: Set<Int> = []
        var inserted: Set<Int> = []
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var lines: [String] = []
        var (oldIndex, newIndex) = (0, 0)
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, removed.contains(oldIndex) {
                lines.append("-" + visible(old[oldIndex]))
                oldIndex += 1
            } else if newIndex < new.count, inserted.contains(newIndex) {
                lines.append("+" + visible(new[newIndex]))
                newIndex += 1
            } else {
                lines.append(" " + visible(new[min(newIndex, new.count - 1)]))
                oldIndex += 1
                newIndex += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A line with what does not show written as Swift escapes.
    static func visible(_ line: Substring) -> String {
        var text = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        let trailing = text.reversed().prefix { $0 == " " }.count
        return trailing == 0 ? text : text.dropLast(trailing) + String(repeating: "\\u{20}", count: trailing)
    }

    /// Appends an actual text to the file `PROCRUN_TEST_ACTUALS` names, if it names one.
    static func record(actual: String, _ what: String, at location: Testing.SourceLocation) {
        guard let path = FileSystem.environment("PROCRUN_TEST_ACTUALS") else { return }
        let line = #"{"file":\#(JSONWriter.quote(location.filePath)),"line":\#(location.line),"what":\#(JSONWriter.quote(what)),"actual":\#(JSONWriter.quote(actual))}"#
        try? FileSystem.write(Array((line + "\n").utf8), to: path, append: true)
    }
}
