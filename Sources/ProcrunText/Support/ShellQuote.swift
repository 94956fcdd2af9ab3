/// POSIX shell quoting: the one way procrun writes a value as a shell word (the `quote` filter, dry
/// runs, `show`, exported skills, the merge driver command `git-setup` writes, the `record` command
/// a search that found nothing suggests).
package enum ShellQuote {
    /// `text` as one shell word: itself when it is a non-empty run of `[A-Za-z0-9_@%+=:,./-]`,
    /// else single-quoted.
    package static func word(_ text: String) -> String {
        if !text.isEmpty, text.utf8.allSatisfy(isSafe) { return text }
        return singleQuoted(text)
    }

    /// `text` as one shell word for people to read and retype: in double quotes when nothing in it
    /// is special there (`"renew my passport"`), else single-quoted.
    package static func phrase(_ text: String) -> String {
        if !text.contains(where: { "\"\\$`!".contains($0) }) { return "\"" + text + "\"" }
        return singleQuoted(text)
    }

    /// `text` in single quotes, each `'` in it written as `'\''` (the `shell_quote` filter): one
    /// word to a POSIX shell, whatever the text, `'it'\''s'`.
    package static func singleQuoted(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" {
                out += "'\\''"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out += "'"
        return out
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
