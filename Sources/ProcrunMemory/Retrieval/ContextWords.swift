/// Words that tell the circumstances of a task rather than the task: when (`tonight`, `next week`),
/// who in general (`someone`, `everyone`), and how the asker feels about it (`just`, `maybe`,
/// `need`). A task's context words are searched at a low weight and never required of a procedure,
/// so "roll back the frontend, we launch next week" is not refused for want of a procedure about
/// weeks. Also the words that open a subordinate clause (`before the migration`) and the particles
/// of phrasal verbs (`roll ... out`).
package enum ContextWords {
    /// General English words of time, people in general, hedging and wanting.
    package static let words: Set<String> = [
        // Time.
        "today", "tomorrow", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month",
        "year", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds", "ago", "soon", "later", "earlier",
        "again", "already", "still", "yet", "recently", "currently", "lately", "forever", "always", "never", "ever", "sometimes",
        "often", "last", "next", "asap", "urgent", "urgently", "quickly", "immediately", "eventually", "meanwhile", "instead",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december",
        // People in general.
        "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "noone", "people", "person", "folks",
        "guys",
        // Hedging, wanting and filler.
        "really", "actually", "basically", "probably", "maybe", "perhaps", "seems", "seem", "seemed", "apparently", "also",
        "even", "though", "although", "however", "anyway", "mostly", "quite", "rather", "much", "many", "lot", "lots", "bit",
        "little", "thing", "things", "stuff", "something", "anything", "everything", "nothing", "somewhere", "everywhere",
        "whatever", "whoever", "whenever", "ok", "okay", "thanks", "thank", "pls", "plz", "kindly",
        "ahead", "sure", "need", "needs", "needed", "want", "wants", "wanted", "like", "think", "thinks", "thought", "know",
        "knows", "knew", "guess", "try", "trying", "tried", "able",
    ]

    /// Words that open a subordinate clause: what follows them, to the end of the clause, is a
    /// circumstance ("pg_dump the database *before the migration*").
    package static let subordinators: Set<String> = [
        "before", "after", "while", "because", "since", "until", "unless", "although", "though", "during",
    ]

    /// Particles that make a phrasal verb with a verb a few words before them (`roll the flag
    /// out` reads as `rollout`, `back up` as `backup`).
    package static let particles: Set<String> = ["up", "down", "out", "off", "on", "in", "over", "back", "away"]
}
