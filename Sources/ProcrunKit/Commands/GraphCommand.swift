package import ArgumentParser
import ProcrunLanguage
import ProcrunRuntime
import ProcrunText

/// `procrun graph NAME|FILE`: the call graph of a procedure as Mermaid or Graphviz DOT text, for a
/// pull request description or documentation.
package struct GraphCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a procedure's call graph as Mermaid or DOT."
    )

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The formats `--format` accepts.
    package enum Format: String, Sendable, CaseIterable {
        case mermaid, dot
    }

    /// The procedure's name in the library, or its file.
    @Argument(help: "A procedure's name in the library, or its file.", completion: .procedures)
    var procedure: String
    /// `--format`.
    @OptionGroup var format: FormatOption<Format>
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A graph as the command line gives it (the procedure is required).
    package init() {}

    /// One edge: a step of `from` calling `to` (a procedure's key, or a run-time template).
    struct Edge {
        var from: String
        var to: String
        var label: String
        var dynamic: Bool
    }

    /// Prints the graph; the result is 0, or 2 when the procedure or one it calls has problems.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        guard let (graph, procedure) = Self.load(self.procedure, library: library, color: color, stderr: stderr) else { return CommandFailure.invalid().exitStatus }
        let rootKey = graph.rootKey ?? ""
        var names: [String: String] = [rootKey: procedure.name.value]
        var order = [rootKey]
        var edges: [Edge] = []
        // A procedure of an included library is shown by the name the library uses for it (`docs:build`).
        let qualified = graph.library.includes.isEmpty ? [:] : Dictionary(graph.index.entries.map { ($0.key, $0.name) }) { first, _ in first }
        var next = 0
        while next < order.count {
            let key = order[next]
            next += 1
            guard let caller = graph.procedures[key] else { continue }
            for (step, call) in caller.procedureCalls {
                guard let callee = call.callee else {
                    let node = "dynamic:" + call.referenceText
                    if names[node] == nil {
                        names[node] = call.referenceText
                        order.append(node)
                    }
                    edges.append(Edge(from: key, to: node, label: step.displayName, dynamic: true))
                    continue
                }
                if names[callee.key] == nil {
                    names[callee.key] = qualified[callee.key] ?? callee.name
                    order.append(callee.key)
                }
                // Several needs of one procedure by one procedure are one edge.
                if step.isNeed, edges.contains(where: { $0.from == key && $0.to == callee.key && $0.label == step.displayName }) { continue }
                edges.append(Edge(from: key, to: callee.key, label: step.displayName, dynamic: false))
            }
        }
        let ids = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, "n\($0)") })
        var out = ""
        switch format.value {
        case .mermaid:
            out += "flowchart TD\n"
            for key in order {
                let label = Self.mermaidText(names[key] ?? key)
                out += key.hasPrefix("dynamic:") ? "    \(ids[key] ?? ""){{\"\(label)\"}}\n" : "    \(ids[key] ?? "")[\"\(label)\"]\n"
            }
            for edge in edges {
                let arrow = edge.dynamic ? "-.->" : "-->"
                out += "    \(ids[edge.from] ?? "") \(arrow)|\"\(Self.mermaidText(edge.label))\"| \(ids[edge.to] ?? "")\n"
            }
        case .dot:
            out += "digraph calls {\n    rankdir=LR;\n    node [shape=box];\n"
            for key in order {
                let style = key.hasPrefix("dynamic:") ? ", style=dashed" : ""
                out += "    \(ids[key] ?? "") [label=\(JSONWriter.quote(names[key] ?? key))\(style)];\n"
            }
            for edge in edges {
                let style = edge.dynamic ? ", style=dashed" : ""
                out += "    \(ids[edge.from] ?? "") -> \(ids[edge.to] ?? "") [label=\(JSONWriter.quote(edge.label))\(style)];\n"
            }
            out += "}\n"
        }
        stdout.write(out)
        stdout.flush()
        return ExitStatus.success
    }

    /// Text safe inside a quoted Mermaid label.
    static func mermaidText(_ text: String) -> String {
        text.replacingOccurrences("\"", with: "#quot;")
    }

    /// Finds and loads `target` with its callees, printing any problem; nil when there was one.
    static func load(_ target: String, library: LibraryOption, color: ColorOption, stderr: TextOutput) -> (CallGraph, Procedure)? {
        var renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        func fail(_ error: DiagnosticsError) -> (CallGraph, Procedure)? {
            stderr.write(renderer.render(error.diagnostics))
            stderr.flush()
            return nil
        }
        let path: String
        let found: Library
        do {
            (path, found) = try ProcedureTarget.resolve(target, library: library.path)
        } catch {
            return fail(error)
        }
        let graph = CallGraph(library: found)
        do {
            return (graph, try graph.load(path: path))
        } catch {
            for file in graph.sources { renderer.add(file) }
            return fail(error)
        }
    }
}
