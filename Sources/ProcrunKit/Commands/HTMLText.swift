/// Text put into the report's HTML page: every text that comes from files (names, descriptions,
/// errors, paths) goes through ``escape(_:)``, the one way the page escapes.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` as character references, safe in element text and in
    /// attribute values in either quotes; a NUL or another control character a page cannot hold
    /// (all but tab and line breaks) becomes `�`.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                result.unicodeScalars.append(value < 0x20 || (0x7F...0x9F).contains(value) ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    /// A fragment id made of `name`'s letters, digits, `-` and `_` (others become `-`), after
    /// `prefix`: stable from run to run, and never needing escaping.
    static func anchor(_ prefix: String, _ name: String) -> String {
        prefix + String(name.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": Character(scalar)
            default: "-"
            }
        })
    }
}
