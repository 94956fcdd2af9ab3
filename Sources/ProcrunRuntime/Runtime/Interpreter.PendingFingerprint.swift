import ProcrunLanguage
import ProcrunText

extension Interpreter {
    /// An up-to-date check that did not hold (or was forced): where its fingerprint is stored
    /// once its step or procedure has run successfully (``Interpreter/storeFingerprint(_:)``).
    struct PendingFingerprint {
        /// The check.
        let check: UpToDateCheck
        /// Where its globs start.
        let folder: String
        /// Its `sources`, rendered and parsed, those written `!glob` apart.
        let sources: (including: [Glob], excluding: [Glob])
        /// Its file's name in ``FingerprintStore``.
        let key: String
    }
}
