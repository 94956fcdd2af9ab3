import Glibc
import ProcrunText
import SwiftOverlayShims

/// The runs a library keeps for resuming: `.procrun/runs/` inside the library (untracked: procrun
/// writes a `.gitignore` there), the last ``kept`` runs of each procedure, one JSON file each.
package struct RunStore: Sendable {
    /// The library folder.
    package var root: String
    /// How many runs of one procedure are kept.
    static let kept = 5
    /// The folder inside the library.
    static let folder = ProcrunFolder.name + "/" + subfolder
    /// The store's folder inside procrun's own folder.
    static let subfolder = "runs"
    /// The mode of a run record and of its journal: the owner's only.
    static let fileMode: UInt32 = 0o600
    /// The mode of the runs folder and of each procedure's folder in it.
    static let folderMode: UInt32 = 0o700

    /// The store of the library at `root`.
    package init(root: String) {
        self.root = root
    }

    /// The folder of one procedure's runs.
    private func folder(for procedure: String) -> String {
        FileSystem.join(FileSystem.join(root, Self.folder), procedure)
    }

    /// Records that a run has started (`record.finished` false) and opens its journal; gives
    /// the record its ``RunRecord/id``. A failure is returned as a message (the run goes on,
    /// without a record to resume).
    ///
    /// The start is written to a temporary file renamed into place: whole or absent after a kill,
    /// without the fsyncs of a finished record (losing it to a power cut loses only a resume).
    /// `withheld` is what the journal keeps out.
    func begin(_ record: inout RunRecord, withheld: RunRecord.Withheld) -> (journal: RunJournal?, problem: String?) {
        record.id = Self.newID(started: record.started)
        let folder = folder(for: record.procedure)
        let path = FileSystem.join(folder, record.id + ".json")
        do {
            try prepare(for: record.procedure)
            try FileSystem.write(Array(record.jsonText.utf8), to: path + ".tmp", mode: Self.fileMode)
            try FileSystem.rename(path + ".tmp", to: path)
        } catch {
            return (nil, error.description)
        }
        return (RunJournal(path: journalPath(of: record), withheld: withheld), nil)
    }

    /// A new run id: the time from one read of the wall clock, as `YYYYMMDDhhmmss` and nine
    /// digits of nanoseconds, then the process id; ids sort in the order runs started, two runs in
    /// one second included (and after the ids of earlier versions, which had no nanoseconds).
    static func newID(started: String) -> String {
        let now = NanosecondClock.wallNanoseconds()
        let seconds = UTCTimestamp.format(secondsSinceEpoch: Int(now / 1_000_000_000)).filter(\.isNumber)
        let nanoseconds = String(now % 1_000_000_000)
        return seconds + String(repeating: "0", count: 9 - nanoseconds.count) + nanoseconds + "-\(getpid())"
    }

    /// Creates the store's folder for a procedure (in procrun's own folder, which git ignores).
    private func prepare(for procedure: String) throws(FileSystem.Failure) {
        // Run records hold a run's outputs: readable by their owner only.
        let folder = try ProcrunFolder.prepare(Self.subfolder + "/" + procedure, in: root, mode: Self.folderMode)
        _ = chmod(folder, mode_t(Self.folderMode))
        _ = chmod(FileSystem.join(root, Self.folder), mode_t(Self.folderMode))
    }

    /// Keeps `record` (under its ``RunRecord/id``, given one if it has none), dropping the oldest
    /// runs of its procedure beyond ``kept``; a finished record's journal is removed. A failure to
    /// keep it is returned as a message (the run's result stands).
    func save(_ record: RunRecord) -> String? {
        var record = record
        if record.id.isEmpty { record.id = Self.newID(started: record.started) }
        let folder = folder(for: record.procedure)
        do {
            try prepare(for: record.procedure)
            try FileSystem.writeAtomically(Array(record.jsonText.utf8), to: FileSystem.join(folder, record.id + ".json"), mode: Self.fileMode)
        } catch {
            return error.description
        }
        if record.finished { _ = unlink(journalPath(of: record)) }
        for old in files(of: record.procedure).dropLast(Self.kept) {
            _ = unlink(FileSystem.join(folder, old))
            _ = unlink(FileSystem.join(folder, String(old.dropLast(5)) + ".journal"))
        }
        return nil
    }

    /// Where the journal of `record`'s run is kept.
    private func journalPath(of record: RunRecord) -> String {
        FileSystem.join(folder(for: record.procedure), record.id + ".journal")
    }

    /// The run files of a procedure, oldest first.
    private func files(of procedure: String) -> [String] {
        ((try? FileSystem.contents(of: folder(for: procedure))) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The newest kept run of the procedure whose file is `key`, finished or not (the newest is
    /// the one started last); a run that never finished has the steps its journal holds.
    package func last(of procedure: String, key: String) -> RunRecord? {
        for name in files(of: procedure).reversed() {
            guard let bytes = try? FileSystem.read(FileSystem.join(folder(for: procedure), name)),
                var record = RunRecord(jsonText: String(decoding: bytes, as: UTF8.self)), record.key == key
            else { continue }
            record.id = String(name.dropLast(5))
            if !record.finished {
                let journal = RunJournal.read(journalPath(of: record))
                record.steps = journal.steps
                if let vars = journal.vars { record.vars = vars }
            }
            return record
        }
        return nil
    }
}
