import ProcrunText

extension Procedure {
    /// Every place of the procedure where names are read, in file order: each step's (its
    /// `for_each`, its `when`, its action, its expectations, its outputs), then the procedure's
    /// `env` and `outputs`. A step's `when` tests what it reads for the rest of the step, and a
    /// parallel group's for its steps.
    var readSites: [ReadSite] {
        var sites: [ReadSite] = []
        func add(_ steps: [Step], tested outer: Set<String>) {
            for step in steps {
                let tested = outer.union(step.when?.expression.subjects ?? [])
                if !step.hasDefaultSettings {
                    if let when = step.when { sites.append(ReadSite(text: .condition(when), step: step, guarded: outer)) }
                    switch step.loop?.items {
                    case .expression(let condition): sites.append(ReadSite(text: .condition(condition), step: step, guarded: tested))
                    case .written(let fields): sites += fields.map { ReadSite(text: .template($0), step: step, guarded: tested) }
                    case .matrix(let matrix):
                        sites += matrix.expressions.map { ReadSite(text: .condition($0.condition), step: step, guarded: tested) }
                        sites += matrix.templates.map { ReadSite(text: .template($0), step: step, guarded: tested) }
                    case nil: break
                    }
                }
                if case .parallel(let group) = step.call {
                    add(group.steps, tested: tested)
                    continue
                }
                var fields: [TemplateField] = []
                step.call.collectTemplates(into: &fields)
                if !step.hasDefaultSettings {
                    step.expect.collectTemplates(into: &fields)
                    fields += step.outputs.map(\.field)
                }
                // A call's input may be null: it is then not given, and the callee's default applies.
                var passed: Set<SourceLocation> = []
                if case .procedure(let call) = step.call { passed = Set(call.inputs.map(\.valueStart)) }
                sites += fields.filter { !$0.template.isLiteral }.map {
                    ReadSite(text: .template($0), step: step, guarded: tested, needed: !passed.contains($0.node.start))
                }
                if case .builtin(let action) = step.call {
                    sites += action.conditions.map { ReadSite(text: .condition($0), step: step, guarded: tested) }
                }
            }
        }
        add(steps, tested: [])
        add(finally, tested: [])
        for field in environment.values.map(\.field) + outputs.map(\.field) where !field.template.isLiteral {
            sites.append(ReadSite(text: .template(field), step: nil, guarded: []))
        }
        return sites
    }
}
