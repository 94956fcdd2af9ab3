/// Text from a file (a name, an error, a path) made safe inside Markdown: the one way a report
/// puts such text into Markdown, so that it reads as written and never as markup.
enum MarkdownText {
    /// `text` with every character CommonMark could read as inline markup (or a table's `|`, or
    /// GitHub's `$` math)
    /// backslash-escaped, and line breaks made spaces (a table cell or a list item is one line).
    /// It is never put at the start of a line, where `#` or `-` would start a block.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            // An underscore inside a word (`deploy_backend`) can neither open nor close emphasis.
            if character == "_", index > 0, index + 1 < characters.count, isWordCharacter(characters[index - 1]), isWordCharacter(characters[index + 1]) {
                out.append(character)
                continue
            }
            switch character {
            case "\n", "\r", "\r\n": out.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "!", "~", "&", "$":
                out.append("\\")
                out.append(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// A letter or a digit, around which an underscore is part of a word.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
