import ProcrunMemory

extension LibraryHealth {
    /// The report as one line of JSON.
    func json() -> String {
        "{}"
    }
}
