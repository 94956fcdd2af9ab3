import ProcrunMemory

extension LibraryHealth {
    /// The report as one self-contained HTML page.
    func html() -> String {
        "<!doctype html><title>procrun report</title><pre>" + text() + "</pre>"
    }
}
