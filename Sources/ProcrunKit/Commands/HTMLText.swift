import ProcrunRuntime

/// Text put into the report's HTML page: every text that comes from files (names, descriptions,
/// errors, paths) goes through ``escape(_:)``, the one way the page escapes.
enum HTMLText {
    /// `text` escaped as XML attribute values are (``XMLText/escape(_:attribute:)``): safe in
    /// element text and in the page's double-quoted attribute values; a NUL or another control
    /// character a page cannot hold (all but tab and line breaks) becomes `�`.
    static func escape(_ text: String) -> String {
        XMLText.escape(text, attribute: true)
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
