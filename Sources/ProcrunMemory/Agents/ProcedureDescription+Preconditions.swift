import ProcrunLanguage
import ProcrunText

extension ProcedureDescription {
    /// `precondition` (of the procedure or of a step) as the array `precondition`, in order: each
    /// entry's `kind` (`that` or `sh`), its expression or command as written (`test`), and its
    /// `message` as written (null without one). A command is never run.
    static func writePreconditions(_ preconditions: [Precondition], into writer: inout JSONWriter) {
        writer.beginArray("precondition")
        for precondition in preconditions {
            writer.beginObject()
            writer.string("kind", precondition.kind)
            writer.string("test", precondition.text)
            writer.string("message", precondition.message?.text)
            writer.endObject()
        }
        writer.endArray()
    }
}
