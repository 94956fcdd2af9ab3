package import ProcrunLanguage
import ProcrunText

/// The searchable index of a library's procedures, built from the files and the ``IndexCache``:
/// unchanged files come from the cache, changed and new ones are read, removed ones are dropped.
package struct LibraryIndex: Sendable {
    /// The BM25 index over every procedure.
    package let index: BM25Index
    /// How many files were read (not taken from the cache).
    package let filesRead: Int
    /// Files that could not be read as YAML mappings; they are left out of the index.
    package let unreadable: [String]

    /// The documents, in path order.
    package var documents: [IndexedDocument] { index.documents }

    /// Indexes `library` and the libraries it includes (each with its own cache), the procedures of
    /// an included library named with its prefix (`docs:build`), those of its folder only.
    package init(library: Library, useCache: Bool = true) {
        let own = LibraryIndex(root: library.root, useCache: useCache)
        guard !library.includes.isEmpty else {
            self = own
            return
        }
        let names = ProcedureIndex(library: library)
        var documents = own.documents.filter { !names.isIncluded(CallGraph.key(of: $0.path)) }
        var read = own.filesRead
        var unreadable = own.unreadable
        for include in library.includes {
            let included = LibraryIndex(library: include.library, useCache: useCache)
            documents += included.documents.map { document in
                var prefixed = document
                prefixed.prefix = include.prefix.value + (document.prefix.map { ":" + $0 } ?? "")
                return prefixed
            }
            read += included.filesRead
            unreadable += included.unreadable
        }
        self.index = BM25Index(documents: documents)
        self.filesRead = read
        self.unreadable = unreadable
    }

    /// Indexes the library at `root`, using and refreshing its cache unless `useCache` is false.
    package init(root: String, useCache: Bool = true) {
        let scanStarted = FileStatus.now()
        let cache = IndexCache(root: root)
        // Listing the files and loading the cache do not depend on each other. A candidate the
        // cache holds unchanged (same size and modification time) was a procedure when read, so
        // only new and changed files are read, and those that do not look like one are dropped.
        let (files, (cached, storedVocabulary)) = ParallelReader.both({ LibraryLayout.candidates(under: root) }, { useCache ? cache.load() : ([:], nil) })
        var slotted: [IndexedDocument?] = []
        slotted.reserveCapacity(files.count)
        var toRead: [(path: String, status: FileStatus)] = []
        var slots: [Int] = []
        for file in files {
            let (path, status) = (file.path, file.status)
            if let entry = cached[path], entry.status == status, entry.path == path {
                slotted.append(entry)
            } else {
                slots.append(slotted.count)
                toRead.append((path, status))
                slotted.append(nil)
            }
        }
        var unreadable: [String] = []
        var added = 0
        for (slot, reading) in zip(slots, ParallelReader.read(toRead, cacheRoot: useCache ? root : nil)) {
            switch reading {
            case .document(let document):
                slotted[slot] = document
                added += 1
            case .notAProcedure: break
            case .unreadable: unreadable.append(files[slot].path)
            }
        }
        let read = toRead.count
        let documents = slotted.compactMap { $0 }
        let unchanged = added == 0 && cached.count == documents.count
        let vocabulary = unchanged ? storedVocabulary ?? Vocabulary(documents: documents) : Vocabulary(documents: documents)
        if useCache, !unchanged || storedVocabulary == nil {
            cache.save(documents, vocabulary: vocabulary, scanStarted: scanStarted)
        }
        self.index = BM25Index(documents: documents, vocabulary: vocabulary)
        self.filesRead = read
        self.unreadable = unreadable
    }
}
