import Glibc
import ProcrunLanguage
import ProcrunText

extension Interpreter {
    /// Decides whether `check` holds now (grammar.md, "Up-to-date checks"): the fingerprint of its
    /// `sources` (their paths and contents, and the definition's text) is the one stored after the
    /// last successful run of the same step (`key`: the procedure's file, the step's name and the
    /// values it is given), every `generates` glob matches a file, and
    /// every `status` command exits 0. `--force` decides it does not; a dry run runs no status
    /// command (a check with one runs). A glob or command that cannot be rendered fails the step.
    func upToDate(_ check: UpToDateCheck, key: [String], running step: Step?) throws(StepFailure) -> (reason: String?, pending: PendingFingerprint) {
        let folder = try check.workingDirectory.map { (field) throws(StepFailure) in FileSystem.join(directory, try string(field)) } ?? commandDirectory
        let sources = try globs(check.sources)
        let generates = try globs(check.generates).including
        var hasher = FNV1a()
        for part in [FileSystem.absolute(procedure.file.path)] + key {
            hasher.add(part)
            hasher.add(0)
        }
        let pending = PendingFingerprint(check: check, folder: folder, sources: sources, key: hasher.hex)
        let verdict: (reason: String?, pending: PendingFingerprint) = (nil, pending)
        guard !options.force else { return verdict }
        var reason = UpToDateReason()
        if !check.sources.isEmpty {
            let files = Glob.files(including: sources.including, excluding: sources.excluding, in: folder)
            // Sources that match no file never make anything up to date.
            guard !files.isEmpty, let stored = FingerprintStore(root: library.root).fingerprint(pending.key),
                stored == fingerprint(of: files, in: folder, definition: check.definition)
            else { return verdict }
            reason.sources = files.count
        }
        for glob in generates where Glob.files(including: [glob], excluding: [], in: folder).isEmpty { return verdict }
        reason.generates = !generates.isEmpty
        if !check.status.isEmpty {
            if options.dryRun { return verdict }
            for call in check.status where try !passes(call, in: folder, step: step) { return verdict }
            reason.status = true
        }
        return (reason.text, pending)
    }

    /// The key of a step's check: its name and the values its templates give now (an item of a
    /// loop, an input: each has its own fingerprint), and what its commands run with.
    func upToDateKey(of step: Step) -> [String] {
        var given: [TemplateField] = []
        step.call.collectTemplates(into: &given)
        return [step.displayName] + given.map { (try? render($0))?.jsonText ?? "" } + settingsKey
    }

    /// The key of the procedure's check: its inputs' values, and what its commands run with.
    func upToDateKey(inputs: [String: Value]) -> [String] {
        [""] + inputs.keys.sorted().map { $0 + "=" + (inputs[$0]?.jsonText ?? "") } + settingsKey
    }

    /// What the commands run with besides their own text, so that a change to it is no longer up
    /// to date: the shell (a `defaults.shell` or the procedure's `shell`) and the variables
    /// procrun sets (`env` and `.env` files of the library and the procedure), only ever hashed.
    private var settingsKey: [String] {
        ["shell:" + shell.words.joined(separator: " ")] + environmentOverlay.map { "env:" + $0.0 + "=" + $0.1 }
    }

    /// Stores the fingerprint of a check's sources after its successful run.
    func storeFingerprint(_ pending: PendingFingerprint) {
        guard !pending.check.sources.isEmpty, !options.dryRun else { return }
        let files = Glob.files(including: pending.sources.including, excluding: pending.sources.excluding, in: pending.folder)
        guard !files.isEmpty else { return }
        FingerprintStore(root: library.root).store(fingerprint(of: files, in: pending.folder, definition: pending.check.definition), as: pending.key)
    }

    /// The globs of `fields` rendered now, those written `!glob` apart.
    private func globs(_ fields: [TemplateField]) throws(StepFailure) -> (including: [Glob], excluding: [Glob]) {
        var globs: (including: [Glob], excluding: [Glob]) = ([], [])
        for field in fields {
            var text = try string(field)
            let excluded = text.hasPrefix("!")
            if excluded { text.removeFirst() }
            do throws(Glob.Syntax) {
                let glob = try Glob(parsing: text)
                if excluded { globs.excluding.append(glob) } else { globs.including.append(glob) }
            } catch {
                throw StepFailure(.badGlob(pattern: text, problem: error))
            }
        }
        return globs
    }

    /// The fingerprint of `files` (paths relative to `folder`): their paths and contents, and the
    /// definition's bytes in the procedure file, as 16 hexadecimal digits.
    private func fingerprint(of files: [String], in folder: String, definition: [Range<Int>]) -> String {
        var hasher = FNV1a()
        let bytes = procedure.file.bytes
        for range in definition where range.lowerBound >= 0 && range.upperBound <= bytes.count {
            bytes[range].withUnsafeBytes { hasher.add($0) }
            hasher.add(0)
        }
        for file in files {
            hasher.add(file)
            hasher.add(0)
            Self.addContents(of: file.hasPrefix("/") ? file : FileSystem.join(folder, file), to: &hasher)
            hasher.add(1)
        }
        return hasher.hex
    }

    /// Adds a file's bytes to `hasher`, read a block at a time (a file that cannot be read adds
    /// nothing, so it counts as empty).
    private static func addContents(of path: String, to hasher: inout FNV1a) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            buffer.withUnsafeBytes { hasher.add(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// Whether a status command exits 0, run as the step's `shell` command would be, in `folder`,
    /// bounded by the step's timeout, its output not shown.
    private func passes(_ call: CommandCall, in folder: String, step: Step?) throws(StepFailure) -> Bool {
        if let step { running = RunningStep(step) }
        return try runQuietly(call, file: nil, directory: directory, in: folder, timeout: timeLimit).exitCode == 0
    }

    /// A step's check, made before its first attempt: the step's result when it ends there
    /// (skipped as up to date, or failed by a glob or status command), else where to store its
    /// fingerprint after it succeeds.
    func decide(_ check: UpToDateCheck, of step: Step, started: ContinuousClock.Instant) -> (ended: StepResult?, pending: PendingFingerprint?) {
        var result: StepResult
        do throws(StepFailure) {
            let verdict = try upToDate(check, key: upToDateKey(of: step), running: step)
            guard let reason = verdict.reason else { return (nil, verdict.pending) }
            result = StepResult(of: step, status: .skipped)
            result.upToDate = reason
        } catch {
            result = failed(step, error)
        }
        result.durationNanoseconds = StepResult.nanoseconds(since: started)
        return (result, nil)
    }

    /// The procedure's check, made after its needs ran: why it is up to date, or where to store
    /// its fingerprint after a successful run, or why the run failed (a variable, a glob or a
    /// status command that could not be computed, rendered or run).
    func decide(_ check: UpToDateCheck, inputs: [String: Value]) -> (upToDate: String?, pending: PendingFingerprint?, error: String?) {
        if !declaredVariables.isEmpty, let failure = computeVariables(Variable.names(readBy: check.templates.flatMap(\.template.expressions))) {
            return (nil, nil, redactError(failure.shown))
        }
        do throws(StepFailure) {
            let verdict = try upToDate(check, key: upToDateKey(inputs: inputs), running: nil)
            return (verdict.reason, verdict.pending, nil)
        } catch {
            return (nil, nil, redactError(error.shown))
        }
    }
}
