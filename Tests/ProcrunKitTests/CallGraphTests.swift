import ProcrunKit
import Testing

/// ``CallGraph``: a procedure is loaded with every procedure it calls, checked before anything
/// runs; a cycle, a missing callee or a broken one is reported at the call that leads to it.
@Suite("call graph", .serialized)
struct CallGraphTests {
    /// A procedure `name` whose steps call each of `callees` (by name), or log when it calls none.
    static func procedure(_ name: String, calls callees: [String] = []) -> String {
        let steps = callees.isEmpty ? ["  - action: log\n    parameters: {message: \(name)}\n"] : callees.map { "  - action: \($0)\n" }
        return "name: \(name)\nsteps:\n" + steps.joined()
    }

    /// Loads `root` of the library in `folder` with a fresh graph; returns the graph and the
    /// procedure, or the problems as their first lines print them.
    static func load(_ root: String, in folder: ScratchFolder) -> (graph: CallGraph, procedure: Procedure?, problems: [String]) {
        let graph = CallGraph(library: Library(root: folder.path), environment: [:])
        do {
            return (graph, try graph.load(path: folder.path + "/" + root), [])
        } catch {
            let lines = error.diagnostics.map(DiagnosticRenderer.line).map { $0.split(separator: folder.path + "/").joined() }
            return (graph, nil, lines)
        }
    }

    @Test("a diamond is no cycle: every procedure is loaded once, the shared callee too")
    func diamond() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("a.yaml", Self.procedure("a", calls: ["b", "c"]))
        try folder.write("b.yaml", Self.procedure("b", calls: ["d"]))
        try folder.write("c.yaml", Self.procedure("c", calls: ["d"]))
        try folder.write("d.yaml", Self.procedure("d"))
        let (graph, procedure, problems) = Self.load("a.yaml", in: folder)
        #expect(problems == [])
        #expect(procedure?.name.value == "a")
        #expect(graph.sources.map { $0.path.split(separator: "/").last.map(String.init) ?? "" }.sorted() == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"])
    }

    @Test("a cycle through another procedure is an error at the call that closes it, with the chain")
    func cycle() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("a.yaml", Self.procedure("a", calls: ["b"]))
        try folder.write("b.yaml", Self.procedure("b", calls: ["a"]))
        #expect(
            Self.load("a.yaml", in: folder).problems == [
                "b.yaml:3:13: procedure call cycle: a › b › a; a procedure may not call itself, directly or through others (a.yaml:3:13: 'a' calls 'b' here; 'b' calls 'a' here, which closes the cycle)"
            ])
    }

    @Test("a procedure that calls itself is an error at the call")
    func selfCall() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("loop.yaml", Self.procedure("loop", calls: ["loop"]))
        #expect(
            Self.load("loop.yaml", in: folder).problems == [
                "loop.yaml:3:13: procedure 'loop' calls itself: loop › loop; a procedure may not call itself, directly or through others ('loop' calls 'loop' here, which closes the cycle)"
            ])
    }

    @Test("a callee that is missing is an error at the call, with the name it was likely meant to be")
    func missing() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("main.yaml", Self.procedure("main", calls: ["deploy_bakend"]))
        try folder.write("deploy_backend.yaml", Self.procedure("deploy_backend"))
        #expect(Self.load("main.yaml", in: folder).problems == ["main.yaml:3:13: unknown action 'deploy_bakend'; did you mean 'deploy_backend'?"])
    }

    @Test("a callee with an error is reported in its own file, and the caller is not loaded")
    func brokenCallee() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("main.yaml", Self.procedure("main", calls: ["helper"]))
        try folder.write("helper.yaml", "name: helper\nsteps:\n  - action: log\n    parameters: {mesage: hi}\n")
        let (_, procedure, problems) = Self.load("main.yaml", in: folder)
        #expect(procedure?.name.value == nil)
        #expect(problems == ["helper.yaml:4:18: unknown parameter 'mesage' for action 'log'; did you mean 'message'? (main.yaml:3:13: called from here)"])
    }
}
