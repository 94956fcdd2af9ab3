import ProcrunText

extension Library {
    /// The keys of `procrun.yaml`'s `find` mapping.
    static let findKeys = ["abbreviations"]

    /// Reads the `find` key of `procrun.yaml`: `abbreviations`, a mapping of a short word (letters
    /// and digits) to the words it stands for, which `procrun find` adds to its own table.
    mutating func readFindKeys(_ pairs: [YAMLPair], reader: inout NodeReader) {
        guard let find = pairs.first(where: { $0.key == "find" }), !find.value.isNull,
            let settings = reader.mapping(find.value, "'find'", keys: Self.findKeys)
        else { return }
        guard let table = settings.first(where: { $0.key == "abbreviations" }), !table.value.isNull else { return }
        for pair in reader.mapping(table.value, "'find.abbreviations'") ?? [] {
            guard !pair.key.isEmpty, pair.key.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) else {
                reader.error(.abbreviationName(found: pair.key), at: pair.keyStart)
                continue
            }
            guard let words = reader.string(pair.value, "abbreviation '\(pair.key)'") else { continue }
            guard words.contains(where: { $0.isLetter || $0.isNumber }) else {
                reader.error(.abbreviationEmpty(abbreviation: pair.key), at: pair.value.start)
                continue
            }
            findAbbreviations[pair.key.lowercased()] = words
        }
    }
}
