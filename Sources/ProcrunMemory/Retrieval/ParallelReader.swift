import Glibc
import ProcrunLanguage
import ProcrunText

/// Reads and indexes procedure files on every processor: parsing YAML is most of a cold search.
enum ParallelReader {
    /// What reading one file gave.
    enum Reading {
        /// The file's index document.
        case document(IndexedDocument)
        /// The file does not look like a procedure (`LibraryLayout.looksLikeProcedure`): it is
        /// not part of the library.
        case notAProcedure
        /// The file looks like a procedure but could not be read as one.
        case unreadable
    }

    /// What reading each of `files` gave, in the same order. With a cache root, each document's
    /// cache line is encoded too, in the same worker.
    static func read(_ files: [(path: String, status: FileStatus)], cacheRoot: String?) -> [Reading] {
        let workers = files.count < 64 ? 1 : max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let results = ResultSlots<Reading>(count: files.count, initial: .unreadable)
        runInParallel(workers) { worker in
            var stems: [String: String] = [:]
            var index = worker
            while index < files.count {
                let (path, status) = files[index]
                if let bytes = FileSystem.read(path, expectedSize: status.size) {
                    if !LibraryLayout.looksLikeProcedure(bytes) {
                        results.set(index, .notAProcedure)
                    } else if let summary = ProcedureSummary.read(SourceFile(path: path, bytes: bytes)) {
                        var document = IndexedDocument(summary: summary, status: status, stems: &stems)
                        if let cacheRoot { document.encodedLine = IndexCache.encode(document, root: cacheRoot) }
                        results.set(index, .document(document))
                    }
                }
                index += workers
            }
        }
        return results.values
    }
}

extension ParallelReader {
    /// Runs `first` and `second` at the same time (on two threads) and returns both results.
    static func both<A, B>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let results = PairSlots<A, B>()
        runInParallel(2) { index in
            if index == 0 {
                results.first = first()
            } else {
                results.second = second()
            }
        }
        guard let a = results.first, let b = results.second else { return (first(), second()) }
        return (a, b)
    }
}

/// Two results, each written by one thread and read after both have finished.
private final class PairSlots<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}

/// Runs `body(0)` ... `body(count - 1)` on their own threads and waits for all of them.
private func runInParallel(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    guard count > 1 else {
        body(0)
        return
    }
    var threads: [pthread_t] = []
    for worker in 1..<count {
        let box = Unmanaged.passRetained(WorkerBox { body(worker) }).toOpaque()
        var thread = pthread_t()
        if pthread_create(&thread, nil, { pointer in
            guard let pointer else { return nil }
            let box = Unmanaged<WorkerBox>.fromOpaque(pointer).takeRetainedValue()
            box.work()
            return nil
        }, box) == 0 {
            threads.append(thread)
        } else {
            Unmanaged<WorkerBox>.fromOpaque(box).takeRetainedValue().work()
        }
    }
    body(0)
    for thread in threads { pthread_join(thread, nil) }
}

/// The work one thread does.
private final class WorkerBox: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}

/// One slot per file, each written by exactly one worker and read only after all have finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<Value>
    private let count: Int

    init(count: Int, initial: Value) {
        self.count = count
        pointer = UnsafeMutablePointer<Value>.allocate(capacity: max(1, count))
        pointer.initialize(repeating: initial, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        pointer[index] = value
    }

    var values: [Value] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}
