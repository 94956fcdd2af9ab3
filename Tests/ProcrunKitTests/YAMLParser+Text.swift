@testable import ProcrunKit
@testable import ProcrunText

extension YAMLParser {
    /// The document `text` holds, read as the file `t.yaml`.
    static func read(_ text: String) throws(Diagnostic) -> YAMLNode {
        try YAMLParser(file: SourceFile(path: "t.yaml", text: text)).parse()
    }

    /// The problem that stops `text` from being read, or nil when it reads.
    static func problem(in text: String) -> Diagnostic? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }
}
