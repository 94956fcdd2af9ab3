/// Pairs of words that name opposite operations (add/delete, backup/restore, enable/disable...):
/// two procedures whose words differ by such a pair do opposite things, however alike their steps
/// look, and are never near-duplicates (``SimilarityFinder``), listed as one by `find`, or merged.
///
/// Words are compared as ``Tokenizer`` stems, so `deleting`, `deleted` and `delete` are one word.
package enum Opposites {
    /// The pairs, as written; each side may list several words for the same operation.
    static let pairs: [([String], [String])] = [
        (["add", "create", "insert", "register"], ["delete", "remove", "drop", "destroy", "deregister", "unregister"]),
        (["backup", "dump", "snapshot"], ["restore"]),
        (["onboard", "provision", "hire"], ["offboard", "deprovision", "decommission"]),
        (["enable", "activate", "turn on"], ["disable", "deactivate", "turn off"]),
        (["rollout", "deploy", "release", "roll forward"], ["rollback", "revert", "undeploy", "roll back"]),
        (["quarantine", "isolate", "block", "ban"], ["unquarantine", "release from quarantine", "unblock", "unban"]),
        (["open"], ["close"]),
        (["start", "launch", "resume"], ["stop", "shutdown", "halt", "pause", "suspend"]),
        (["lock", "freeze"], ["unlock", "unfreeze", "thaw"]),
        (["grant", "allow", "approve"], ["revoke", "deny", "reject"]),
        (["install"], ["uninstall", "purge"]),
        (["mount", "attach"], ["unmount", "umount", "detach"]),
        (["encrypt"], ["decrypt"]),
        (["upload", "push", "export"], ["download", "pull", "import"]),
        (["subscribe"], ["unsubscribe"]),
        (["archive"], ["unarchive"]),
        (["promote"], ["demote"]),
        (["scale up", "increase", "upgrade"], ["scale down", "decrease", "downgrade"]),
        (["cordon", "drain"], ["uncordon"]),
        (["mute", "silence", "snooze"], ["unmute", "unsilence"]),
        (["publish"], ["unpublish", "retract"]),
        (["assign"], ["unassign"]),
        (["link"], ["unlink"]),
    ]

    /// Each pair as two lists of (stem, word as written); a phrase's stems joined by a space.
    static let stemmed: [([(String, String)], [(String, String)])] = pairs.map { pair in
        (pair.0.map { (Tokenizer.terms($0).joined(separator: " "), $0) }, pair.1.map { (Tokenizer.terms($0).joined(separator: " "), $0) })
    }

    /// The words (stems, and each two adjacent stems joined by a space) of `text`, as compared.
    package static func words(_ text: String) -> Set<String> {
        let terms = Tokenizer.terms(text)
        var words = Set(terms)
        for index in terms.indices.dropFirst() { words.insert(terms[index - 1] + " " + terms[index]) }
        return words
    }

    /// The first pair of opposite words that tells `a` from `b` (as written in the table, `a`'s
    /// first): one side's word is in `a` and not in `b`, the other side's in `b` and not in `a`;
    /// nil when none does.
    package static func contrast(_ a: Set<String>, _ b: Set<String>) -> (String, String)? {
        func only(_ side: [(String, String)], in x: Set<String>, not y: Set<String>) -> String? {
            side.first { x.contains($0.0) && !y.contains($0.0) }?.1
        }
        for (left, right) in stemmed {
            if let x = only(left, in: a, not: b), let y = only(right, in: b, not: a) { return (x, y) }
            if let x = only(right, in: a, not: b), let y = only(left, in: b, not: a) { return (x, y) }
        }
        return nil
    }

    /// The words of a procedure that count: its name, description, tags and steps (their actions
    /// and parameters, commands included).
    package static func words(of summary: ProcedureSummary) -> Set<String> {
        var text = summary.name + " " + summary.description + " " + summary.tags.joined(separator: " ")
        for step in summary.steps {
            text += " " + step.action
            for parameter in step.parameters { text += " " + parameter }
        }
        return words(text)
    }
}
