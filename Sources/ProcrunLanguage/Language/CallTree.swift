/// The procedures a procedure calls, each with the procedures it calls in turn, as a loaded
/// ``CallGraph`` knows them: what `procrun show` prints as its call tree, and its JSON gives.
/// (Cycles cannot occur once loaded; calls nest at most ``CallGraph/depthLimit`` levels.)
package struct CallTree {
    /// The calls of the procedure, in step order.
    package var calls: [Call]

    /// The tree of `procedure`'s calls in `graph` (the graph that loaded it).
    package init(_ procedure: Procedure, in graph: CallGraph) {
        calls = Self.calls(of: procedure, in: graph, depth: 0)
    }

    private static func calls(of procedure: Procedure, in graph: CallGraph, depth: Int) -> [Call] {
        procedure.procedureCalls.map { step, call in
            let callee = call.callee.flatMap { graph.procedures[$0.key] }
            let nested = callee.map { depth < CallGraph.depthLimit ? calls(of: $0, in: graph, depth: depth + 1) : [] } ?? []
            return Call(step: step, reference: call.referenceText, callee: callee, calls: nested)
        }
    }
}
