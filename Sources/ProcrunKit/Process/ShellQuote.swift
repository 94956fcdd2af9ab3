/// POSIX shell quoting: the one way procrun writes a value as a shell word (dry runs, `show`,
/// exported skills, the merge driver command `git-setup` writes).
enum ShellQuote {
    /// `text` as one shell word: unchanged when safe, else single-quoted.
    static func word(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_@%+=:,./-".unicodeScalars.contains($0))
        }
        return safe ? text : "'" + text.replacingOccurrences("'", with: "'\\''") + "'"
    }
}
