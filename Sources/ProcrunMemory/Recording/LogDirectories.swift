import ProcrunText

/// Follows the folder changes of a recorded session the way a shell would, so that the steps
/// replay where they ran: an action log of a persistent shell has `cd DIR` steps, which are not
/// steps of the procedure (a `cd` alone changes nothing in the next command's process) but the
/// folder the later commands run in.
///
/// A `cd DIR` step (alone on its line, DIR a plain word) is dropped, and every later `shell` step runs
/// with `cwd: DIR` (a library action runs where its definition says) (relative to where the session started, the library's root; `cd` alone or
/// `cd ~` goes back there). A `write_file` path is taken from that folder too, and a path outside
/// the library is kept working with `outside_library: true`, written in the file for a reviewer
/// to see.
package enum LogDirectories {
    /// `steps` with their `cd` steps followed; `root` is the library's folder.
    package static func follow(_ steps: [RecordedStep], root: String, commandActions: Set<String> = ["shell"]) -> [RecordedStep] {
        var folder = ""
        var out: [RecordedStep] = []
        let absoluteRoot = FileSystem.absolute(root)
        for var step in steps {
            if commandActions.contains(step.action), let command = step.command, let target = changeOfFolder(command) {
                if step.succeeded { folder = target.isEmpty ? "" : join(folder, target) }
                continue
            }
            // A library action runs where its definition says and takes no `cwd`; a shell step does.
            if step.action == "shell", !folder.isEmpty, !step.parameters.contains(where: { $0.name == "cwd" }) {
                step.parameters.append(RecordedParameter("cwd", .string(folder)))
            }
            if step.action == "write_file", let index = step.parameters.firstIndex(where: { $0.name == "path" }), case .string(let path) = step.parameters[index].value {
                let full = path.hasPrefix("/") ? path : join(folder, path)
                step.parameters[index].value = .string(full)
                let inside = !full.hasPrefix("/") ? !full.hasPrefix("../") && full != ".." : full == absoluteRoot || full.hasPrefix(absoluteRoot + "/")
                if !inside, !step.parameters.contains(where: { $0.name == "outside_library" }) {
                    step.parameters.append(RecordedParameter("outside_library", .boolean(true)))
                }
            }
            out.append(step)
        }
        return out
    }

    /// The folder a bare `cd` command goes to: `""` for the starting folder (`cd`, `cd ~`), nil
    /// when the command is not a bare `cd` to a plain word.
    static func changeOfFolder(_ command: String) -> String? {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.first == "cd", words.count <= 2 else { return nil }
        guard words.count == 2 else { return "" }
        let target = String(words[1])
        if target == "~" { return "" }
        let plain = target.allSatisfy { $0.isLetter || $0.isNumber || "._-/+@,".contains($0) }
        return plain && target != "-" ? target : nil
    }

    /// `path` taken from `folder` (both relative to the root, or `path` absolute), `.` and `..`
    /// resolved where they can be.
    static func join(_ folder: String, _ path: String) -> String {
        var parts: [Substring] = path.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}

extension Recorder {
    /// The recording with its `cd` steps followed (``LogDirectories``), for a library at `root`.
    package func followingFolders(root: String) -> Recorder {
        var followed = self
        followed.replaceSteps(LogDirectories.follow(steps, root: root, commandActions: commandActions))
        return followed
    }
}
