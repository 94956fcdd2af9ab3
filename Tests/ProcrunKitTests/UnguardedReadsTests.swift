@testable import ProcrunText
import Testing

/// Which reads of a name that may lack a value fail an expression (``Expression/unguardedReads(_:needed:guarded:)``):
/// what `procrun check` warns about and a run refuses before step 1.
@Suite("reads of values that may be missing")
struct UnguardedReadsTests {
    /// `inputs.x` may be null; `steps.t.outputs.*` may be undefined.
    static func absence(_ path: Expression.Path) -> Expression.Absence? {
        if path.root == "inputs", path.components.first == .field("x") { return path.components.count > 1 ? .undefined : .null }
        if path.root == "steps", path.components.count > 2, path.components[0] == .field("t") { return .undefined }
        return nil
    }

    /// The texts of the paths an expression reads without a guard.
    func reads(_ source: String) throws -> [String] {
        try Expression.parse(source).unguardedReads(Self.absence).map(\.text)
    }

    /// The same in a template.
    func templateReads(_ source: String) throws -> [String] {
        try Template(parsing: source).unguardedReads(Self.absence).map(\.text)
    }

    @Test("a null read fails where a value is needed: rendered, filtered, ordered, tested as a boolean")
    func nullNeeded() throws {
        #expect(try templateReads("hello {{ inputs.x }}") == ["inputs.x"])
        #expect(try templateReads("{{ inputs.x }}") == ["inputs.x"])
        #expect(try reads("inputs.x | upper") == ["inputs.x"])
        #expect(try reads("inputs.x > 3") == ["inputs.x"])
        #expect(try reads("not inputs.x") == ["inputs.x"])
        #expect(try reads("'a' in inputs.x") == ["inputs.x"])
        #expect(try reads("inputs.x.field == 1") == ["inputs.x.field"])
    }

    @Test("a null read passes where null is a value, under default(...), and after a test of the same name")
    func nullGuarded() throws {
        #expect(try reads("inputs.x == 'a'").isEmpty)
        #expect(try reads("inputs.x != null").isEmpty)
        #expect(try reads("inputs.x in inputs.hosts").isEmpty)
        #expect(try reads("inputs.x | json").isEmpty)
        #expect(try templateReads("{{ inputs.x | default('y') | upper }}").isEmpty)
        #expect(try reads("inputs.x != null and inputs.x > 3").isEmpty)
        #expect(try reads("inputs.x == null or inputs.x > 3").isEmpty)
        #expect(try reads("inputs.y | default(inputs.x) == 'a'").isEmpty)
        #expect(try Expression.parse("inputs.x > 3").unguardedReads(Self.absence, guarded: ["inputs.x"]).isEmpty)
    }

    @Test("an undefined read fails anywhere but under default(...) or after a test of its subject")
    func undefined() throws {
        #expect(try reads("steps.t.outputs.a == 'x'") == ["steps.t.outputs.a"])
        #expect(try templateReads("{{ steps.t.outputs.a }} and {{ steps.t.stdout }}") == ["steps.t.outputs.a"])
        #expect(try reads("steps.t.outputs.a | default('') == 'x'").isEmpty)
        #expect(try reads("steps.t.status == 'success' and steps.t.outputs.a == 'x'").isEmpty)
        #expect(try Expression.parse("steps.t.outputs.a").subjects == ["steps.t"])
    }
}
