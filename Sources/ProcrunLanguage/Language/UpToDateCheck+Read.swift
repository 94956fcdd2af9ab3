import ProcrunText

extension UpToDateCheck {
    /// Reads the check of `pairs` (a step's keys, or a procedure's top level), nil when none of
    /// its keys is there. `command` is the step's `shell` command, whose `cwd`, `env` and `shell`
    /// its status commands share; `definition` the bytes the fingerprint covers.
    static func read(_ pairs: [YAMLPair], command: CommandCall?, definition: [Range<Int>], reader: inout NodeReader) -> UpToDateCheck? {
        var check = UpToDateCheck(workingDirectory: command?.workingDirectory, definition: definition)
        var seen = false
        var generatesKey: SourceLocation?
        for pair in pairs {
            switch pair.key {
            case "sources":
                seen = true
                check.sources = globs(pair.value, "'sources'", excluding: true, reader: &reader)
            case "generates":
                seen = true
                generatesKey = pair.keyStart
                check.generates = globs(pair.value, "'generates'", excluding: false, reader: &reader)
            case "status":
                seen = true
                for node in reader.oneOrMany(pair.value, "'status'") ?? [] {
                    guard let line = ProcedureLoader.template(node, "an entry of 'status'", reader: &reader) else { continue }
                    var call = command ?? CommandCall(command: .line(line))
                    call.command = .line(line)
                    call.standardInput = nil
                    check.status.append(call)
                }
            default: break
            }
        }
        guard seen else { return nil }
        if let generatesKey, check.sources.isEmpty, check.status.isEmpty {
            reader.error(.generatesAlone, at: generatesKey)
        }
        return check
    }

    /// The globs of `node` (one or a list); a glob without templates is parsed now, so a bad one
    /// is an error of the file; `excluding`: a `!glob` entry is allowed.
    private static func globs(_ node: YAMLNode, _ what: String, excluding: Bool, reader: inout NodeReader) -> [TemplateField] {
        var fields: [TemplateField] = []
        for item in reader.oneOrMany(node, what) ?? [] {
            guard let field = ProcedureLoader.template(item, "an entry of \(what)", reader: &reader) else { continue }
            if field.template.isLiteral {
                var text = field.template.source
                if text.hasPrefix("!") {
                    if !excluding { reader.error(.excludeInGenerates(pattern: text), at: item.start) }
                    text.removeFirst()
                }
                do throws(Glob.Syntax) {
                    _ = try Glob(parsing: text)
                } catch {
                    reader.error(.badGlob(pattern: field.template.source, problem: error), at: item.start)
                    continue
                }
            }
            fields.append(field)
        }
        return fields
    }
}
