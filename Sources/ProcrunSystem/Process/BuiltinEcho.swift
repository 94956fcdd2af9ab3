/// `echo` in a command line, run in-process as a shell runs it: a step that only echoes costs no
/// process at all.
///
/// Only when every `echo` would print the same thing: no argument holds a backslash (dash's echo
/// expands escapes, bash's and coreutils' do not) and the first does not start with `-` (an
/// option to some echos). Anything else, and `echo` written as a list (`[echo, ...]`, which names
/// the program), runs the real program.
package enum BuiltinEcho {
    /// What `echo` prints for `arguments` (`arguments[0]` being `echo`), or nil when the real
    /// program must run.
    package static func output(for arguments: [String]) -> String? {
        guard arguments.first == "echo" else { return nil }
        let words = arguments.dropFirst()
        if let first = words.first, first.hasPrefix("-") { return nil }
        guard !words.contains(where: { $0.utf8.contains(UInt8(ascii: "\\")) }) else { return nil }
        return words.joined(separator: " ") + "\n"
    }
}
