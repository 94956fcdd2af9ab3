extension CheckCommand {
    /// One file `check` read, as its JSON document lists it.
    struct CheckedFile {
        /// The file, as the check names it.
        var file: String
        /// The procedure's name; nil for a library's `procrun.yaml` and for a file with problems.
        var procedure: String?
        /// How many steps the procedure has, as a run counts them.
        var steps: Int?
        /// How many procedures it calls, directly or not.
        var calls: Int?
    }
}
