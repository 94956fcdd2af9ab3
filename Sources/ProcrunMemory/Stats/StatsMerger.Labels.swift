extension StatsMerger {
    /// The names conflict markers give the three versions: the labels git passes a merge driver
    /// (`%S`, `%X`, `%Y`), or what `procrun merge-driver` puts in their place.
    package struct Labels: Sendable, Equatable {
        /// The common ancestor's label (shown in git's diff3 conflict style).
        package var base: String
        /// The current branch's label, after `<<<<<<<`.
        package var ours: String
        /// The other branch's label, after `>>>>>>>`.
        package var theirs: String

        /// The labels when git names none (as `procrun resolve` and an older git): `HEAD` for
        /// ours, as git itself marks a merge, `base` and `theirs` for the others.
        package static let standard = Labels(base: "base", ours: "HEAD", theirs: "theirs")

        /// Labels for the three versions.
        package init(base: String, ours: String, theirs: String) {
            self.base = base
            self.ours = ours
            self.theirs = theirs
        }
    }
}
