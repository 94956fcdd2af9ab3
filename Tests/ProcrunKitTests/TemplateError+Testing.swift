@testable import ProcrunKit
@testable import ProcrunText

/// An error's range, message and quoted text on one line (`2..<8: empty '{{ }}': ...`), for
/// comparing an error whole with what is expected.
func located(_ error: TemplateError) -> String {
    "\(error.range): \(error.message)\(error.quoted)"
}

/// ``located(_:)-(TemplateError)`` for an error that may be missing.
func located(_ error: TemplateError?) -> String? {
    error.map { located($0) }
}

/// The template error `body` throws, or nil when it throws none (or another error).
func thrown<T>(_ body: () throws -> T) -> TemplateError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? TemplateError
    }
}

extension TemplateError {
    /// The names of an undefined name's path (`["inputs", "tga"]`), nil for another problem.
    var undefinedPath: [String]? {
        if case .undefinedName(_, _, let path) = problem { return path }
        return nil
    }
}
