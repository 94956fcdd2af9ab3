import ProcrunKit
import Testing

/// `needs:` in the ``CallGraph``: a need loads its procedure as a call does, before anything
/// runs; a cycle through needs (and calls) is an error at the entry that closes it.
extension CallGraphTests {
    /// A procedure `name` that needs `needs` and logs its name.
    static func procedure(_ name: String, needs: [String]) -> String {
        "name: \(name)\nneeds: [\(needs.joined(separator: ", "))]\nsteps:\n  - {action: log, parameters: {message: \(name)}}\n"
    }

    @Test("a diamond of needs is no cycle: each procedure is loaded once, and the needs are in file order, each naming its procedure")
    func needsDiamond() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("release.yaml", Self.procedure("release", needs: ["test", "lint"]))
        try folder.write("test.yaml", Self.procedure("test", needs: ["build"]))
        try folder.write("lint.yaml", Self.procedure("lint", needs: ["build"]))
        try folder.write("build.yaml", Self.procedure("build"))
        let (graph, procedure, problems) = Self.load("release.yaml", in: folder)
        #expect(problems == [])
        #expect(graph.sources.count == 4)
        let names = procedure?.needs.compactMap { need -> String? in
            guard case .procedure(let call) = need.call else { return nil }
            return call.callee?.name
        }
        #expect(names == ["test", "lint"])
        #expect(procedure?.needs.allSatisfy { $0.isNeed && $0.index == -1 } == true)
        // Needs are no numbered steps.
        #expect(procedure?.stepCount == 1)
        #expect(procedure?.procedureCalls.map(\.step.displayName) == ["needs", "needs"])
    }

    @Test("a cycle through needs is an error at the entry that closes it, with the chain; through a call too")
    func needsCycle() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("a.yaml", Self.procedure("a", needs: ["b"]))
        try folder.write("b.yaml", Self.procedure("b", needs: ["a"]))
        #expect(
            Self.load("a.yaml", in: folder).problems == [
                "b.yaml:2:9: procedure dependency cycle: a › b › a; a procedure may not need or call itself, directly or through others (a.yaml:2:9: 'a' needs 'b' here; 'b' needs 'a' here, which closes the cycle)"
            ])
        try folder.write("b.yaml", Self.procedure("b", calls: ["a"]))
        #expect(
            Self.load("a.yaml", in: folder).problems == [
                "b.yaml:3:13: procedure dependency cycle: a › b › a; a procedure may not need or call itself, directly or through others (a.yaml:2:9: 'a' needs 'b' here; 'b' calls 'a' here, which closes the cycle)"
            ])
    }

    @Test("a step's needs are numbered as the step, and shown in its parallel group")
    func stepNeeds() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("build.yaml", Self.procedure("build"))
        try folder.write("ci.yaml", """
            name: ci
            steps:
              - {action: log, parameters: {message: first}}
              - parallel:
                  steps:
                    - {id: unit, action: log, parameters: {message: unit}, needs: [build]}

            """)
        let (_, procedure, problems) = Self.load("ci.yaml", in: folder)
        #expect(problems == [])
        let unit = procedure?.allSteps.first { $0.id?.value == "unit" }
        #expect(unit?.needs.map(\.index) == [2])
        #expect(unit?.needs.map(\.group) == [1])
    }
}
