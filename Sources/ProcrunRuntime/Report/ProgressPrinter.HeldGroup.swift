extension ProgressPrinter {
    /// In a pipe, what the steps of one running parallel group printed: their lines come in the
    /// order the steps finish, and are printed in file order when the group ends.
    struct HeldGroup {
        /// How deep in procedure calls the group is (``ProgressPrinter/outer``'s count).
        var depth: Int
        /// What the step reporting now has printed so far.
        var current: [UInt8] = []
        /// What each finished step printed, with its index in its procedure.
        var members: [(index: Int, bytes: [UInt8])] = []

        /// Everything held, steps in file order, as text.
        var text: String {
            String(decoding: members.sorted { $0.index < $1.index }.flatMap(\.bytes) + current, as: UTF8.self)
        }
    }
}
