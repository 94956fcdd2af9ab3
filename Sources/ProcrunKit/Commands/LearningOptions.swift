import ArgumentParser

/// Whether a run learns: `--no-learn` and `--learn`, over `PROCRUN_LEARN` and procrun.yaml's
/// `learn` (``LearningSwitch``).
package struct LearningOptions: ParsableArguments {
    /// `--no-learn`: the stats block is left untouched.
    @Flag(help: "Leave the stats block untouched.")
    var noLearn = false
    /// `--learn`: learn even when `PROCRUN_LEARN=0` or `learn: false` says not to.
    @Flag(help: "Learn from this run even when PROCRUN_LEARN=0 or procrun.yaml's 'learn: false' says not to.")
    var learn = false

    /// Neither flag: the environment and the library decide.
    package init() {}

    /// What the flags say: true for `--learn`, false for `--no-learn`, nil for neither.
    var choice: Bool? {
        learn ? true : noLearn ? false : nil
    }
}
