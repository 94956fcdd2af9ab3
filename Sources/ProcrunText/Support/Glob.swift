/// A path pattern of `sources:` and `generates:` (grammar.md, "Up-to-date checks"): parts
/// separated by `/`, each matched against one name (`*` any characters, `?` one, `[abc]`, `[a-z]`
/// and `[!abc]` one of a set, `\x` the character x), and a part `**` standing for any number of
/// folders (none included). A name starting with `.` is matched as any other.
package struct Glob: Sendable, Equatable {
    /// Why a pattern is not one.
    package enum Syntax: Error, Sendable, Equatable {
        /// No pattern at all (an empty text, or `!` alone).
        case empty
        /// A `[` without its `]`.
        case unclosedSet
        /// `**` inside a part (`a**`), where it means nothing more than `*`.
        case doubleStarInPart
    }

    /// One part of the pattern.
    enum Part: Sendable, Equatable {
        /// `**`: any number of folders.
        case anyFolders
        /// A name written as it is (no wildcard).
        case name(String)
        /// A name with wildcards, kept as its Unicode scalars.
        case pattern([Unicode.Scalar])
    }

    /// The pattern as written.
    package let text: String
    /// Whether the pattern starts at the file system's root (`/usr/include/*.h`).
    let isAbsolute: Bool
    /// Its parts, in order.
    let parts: [Part]

    /// The pattern `text`, or why it is not one.
    package init(parsing text: String) throws(Syntax) {
        self.text = text
        isAbsolute = text.hasPrefix("/")
        var parts: [Part] = []
        for piece in text.split(separator: "/", omittingEmptySubsequences: true) where piece != "." {
            if piece == "**" {
                if parts.last != .anyFolders { parts.append(.anyFolders) }
                continue
            }
            if piece.contains("**") { throw .doubleStarInPart }
            let scalars = Array(piece.unicodeScalars)
            guard scalars.contains(where: { "*?[\\".unicodeScalars.contains($0) }) else {
                parts.append(.name(String(piece)))
                continue
            }
            try Self.checkSets(scalars)
            parts.append(.pattern(scalars))
        }
        if parts.isEmpty { throw .empty }
        self.parts = parts
    }

    /// Whether every `[` of a part has its `]`.
    private static func checkSets(_ scalars: [Unicode.Scalar]) throws(Syntax) {
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 2
            case "[":
                guard let end = setEnd(scalars, from: index) else { throw .unclosedSet }
                index = end + 1
            default: index += 1
            }
        }
    }

    /// The index of the `]` closing the set that opens at `start` (a `]` first in the set is one
    /// of its characters).
    private static func setEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        if index < scalars.count, scalars[index] == "!" || scalars[index] == "^" { index += 1 }
        if index < scalars.count, scalars[index] == "]" { index += 1 }
        while index < scalars.count {
            if scalars[index] == "]" { return index }
            index += 1
        }
        return nil
    }

    /// Whether `path` (relative to where the pattern starts, parts separated by `/`) matches.
    package func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/").map { Array($0.unicodeScalars) }
        return Self.matches(parts[...], names[...])
    }

    /// Whether `names` match `parts`, `**` taking any number of them.
    private static func matches(_ parts: ArraySlice<Part>, _ names: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let part = parts.first else { return names.isEmpty }
        if part == .anyFolders {
            // A trailing `**` takes every file below: at least one name.
            if parts.count == 1 { return !names.isEmpty }
            var rest = names
            while true {
                if matches(parts.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let name = names.first, matches(part, name) else { return false }
        return matches(parts.dropFirst(), names.dropFirst())
    }

    /// Whether one name matches one part (never `**`).
    static func matches(_ part: Part, _ name: [Unicode.Scalar]) -> Bool {
        switch part {
        case .anyFolders: true
        case .name(let text): String(String.UnicodeScalarView(name)) == text
        case .pattern(let scalars): matches(scalars[...], name[...])
        }
    }

    /// Whether `name` matches the wildcard pattern `pattern`.
    private static func matches(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            var rest = name
            while true {
                if matches(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !name.isEmpty && matches(pattern.dropFirst(), name.dropFirst())
        case "[":
            let scalars = Array(pattern)
            guard let end = setEnd(scalars, from: 0), let character = name.first else { return false }
            guard inSet(scalars[1..<end], character) else { return false }
            return matches(pattern.dropFirst(end + 1), name.dropFirst())
        case "\\" where pattern.count > 1:
            let literal = pattern[pattern.startIndex + 1]
            return name.first == literal && matches(pattern.dropFirst(2), name.dropFirst())
        default:
            return name.first == first && matches(pattern.dropFirst(), name.dropFirst())
        }
    }

    /// Whether `character` is in the set written as `set` (without its brackets).
    private static func inSet(_ set: ArraySlice<Unicode.Scalar>, _ character: Unicode.Scalar) -> Bool {
        var set = set
        let negated = set.first == "!" || set.first == "^"
        if negated { set = set.dropFirst() }
        var found = false
        var index = set.startIndex
        while index < set.endIndex {
            let low = set[index]
            if index + 2 < set.endIndex, set[index + 1] == "-" {
                if low <= character, character <= set[index + 2] { found = true }
                index += 3
            } else {
                if low == character { found = true }
                index += 1
            }
        }
        return found != negated
    }
}
