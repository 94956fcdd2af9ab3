import ProcrunLanguage
import ProcrunText

extension MCPToolbox {
    /// The tools served, with their argument schemas.
    package static let tools: [MCPTool] = [
        MCPTool(
            name: "find_procedures",
            description: "Find procedures in the procrun library that fit a task described in words. Use it first, before writing commands of your own: a procedure found here is tested and learns from every run. Returns JSON {\"procedures\": [{name, file, description, tags, score, matched, runs, success_rate}]}, best first, where matched lists the task's words each one matched and runs and success_rate are its record (success_rate null before its first run); when nothing fits, procedures is empty and \"nearest\" lists the nearest procedures with the words they lack (missing), and \"hint\" says how to record one with record_procedure.",
            inputSchema: schema(["task": string("What you want to do, in a few words, e.g. 'deploy the backend to staging'."), "limit": integer("The most procedures to return (default 5).")], required: ["task"])),
        MCPTool(
            name: "show_procedure",
            description: "Show one procedure of the library as data, to read what it does before running it: its description, inputs (name, type, required, default, allowed, pattern, description), outputs, env, and every step with its action, parameters (templates as written), the command it runs, when, for_each, parallel group, expect, timeout, retries, on_failure and outputs; then its record (runs, success rate, each step's figures) and the procedures it calls. Use it to learn which inputs run_procedure needs. Returns JSON, as `procrun show --json` prints it (its JSON Schema: `procrun schema show`).",
            inputSchema: schema(["name": string("The procedure's name (or its file, relative to the library).")], required: ["name"])),
        MCPTool(
            name: "run_procedure",
            description: "Run a procedure of the library with the given inputs and return its JSON report: success, each step's status, outcome, error and duration, and the procedure's outputs. The run is learned from: the procedure's stats block is updated. The result is an error when the procedure failed or could not start; the report then says which step failed and why, or lists the problems (diagnostics) that kept it from starting, and structuredContent.kind says which kind of error it is: unknown_procedure, outside_library, invalid_procedure, internal_procedure (a procedure that runs only when another calls it), invalid_input (the inputs named in the problems), run_failed, invalid_arguments, interrupted or timed_out.",
            inputSchema: schema([
                "name": string("The procedure's name (or its file, relative to the library)."),
                "inputs": .mapping(["type": .string("object"), "description": .string("Input values by name; each is read as the input's declared type."), "additionalProperties": .boolean(true)]),
                "dry_run": .mapping(["type": .string("boolean"), "description": .string("Describe each step as it would run, and run nothing.")]),
            ], required: ["name"])),
        MCPTool(
            name: "record_procedure",
            description: "Record a new procedure in the library from the actions that just solved a task, so that it can be found and run next time. Give each step as you performed it, with the values you used, as a line of an action log: {action, parameters, outcome, status, duration_ms, exit_code, notes, stderr}, all but action optional; only the steps that succeeded are kept, and a 'cd DIR' shell step is not a step (the commands after it run in DIR). Actions are procrun's built-in ones (" + builtinActions + "), the library's, or other procedures. The file is what `procrun record NAME --from LOG` writes for the same actions: block-style YAML with the schema modeline, step ids named after what they run, the folder most commands ran in as the procedure's cwd, each command's exit code expected, secrets replaced by secret inputs, the stats of one run. To make a value an input, declare the input with that value as its default: where the value stands whole in a command, the command reads {{ inputs.NAME }} instead. The procedure is checked before it is written; an existing name is never replaced. Returns JSON {name, file}, with warnings when a value had to stay literal in a command.",
            inputSchema: schema([
                "name": string("A new procedure name: letters, digits, '_' and '-', starting with a letter."),
                "description": string("What the procedure does and when to use it."),
                "tags": .mapping(["type": .string("array"), "items": .mapping(["type": .string("string")]), "description": .string("Words for finding it.")]),
                "inputs": .mapping([
                    "type": .string("object"),
                    "description": .string("Inputs to declare: name to {type, default, required, description}. A default that is text (of a string input) or a number is the value the steps used: its places in the commands become {{ inputs.NAME }}."),
                    "additionalProperties": schema([
                        "type": string("string (the default), integer, number, boolean or list."),
                        "default": .mapping(["description": .string("The value used when a run gives none; also the value replaced in the commands.")]),
                        "required": .mapping(["type": .string("boolean"), "description": .string("Whether a run must give it.")]),
                        "description": string("What the input is."),
                    ], required: []),
                ]),
                "steps": .mapping([
                    "type": .string("array"), "minItems": .integer(1), "description": .string("The actions performed, in order, each as an action log line."),
                    "items": schema([
                        "action": string("The action, e.g. shell."),
                        "parameters": .mapping(["type": .string("object"), "description": .string("The action's parameters as used, e.g. {\"command\": \"make test\"}.")]),
                        "outcome": string("What it produced (a command's standard output)."),
                        "status": string("success (the default) or failed; skipped leaves the step out."),
                        "duration_ms": .mapping(["type": .string("number"), "minimum": .integer(0), "description": .string("How long it took, in milliseconds: the stats of the procedure's first run.")]),
                        "exit_code": .mapping(["type": .string("integer"), "minimum": .integer(0), "maximum": .integer(255), "description": .string("A command's exit code; not 0 marks the step failed.")]),
                        "notes": string("Notes for people, kept with the step."),
                        "stderr": string("What a command wrote to its standard error."),
                    ], required: ["action"]),
                ]),
            ], required: ["name", "steps"])),
        MCPTool(
            name: "procedure_stats",
            description: "Report what the library has learned from past runs: for each procedure (or the one named) its run count, success rate, average duration and last run, and per step its failures, slowness and last error. Use it to choose between procedures or to see what tends to fail. Returns JSON as `procrun stats --json` prints it.",
            inputSchema: schema(["name": string("A procedure's name; omit for every procedure of the library.")], required: [])),
        MCPTool(
            name: "procedure_history",
            description: "Show how one procedure fared over time, read from the library's git history: a point for each commit that recorded runs of it, with the runs it added, their success rate and average duration and the steps that failed; renames are followed and a merged branch's runs count once, at the merge. Use it to tell a procedure that became unreliable lately from one that always was. Returns JSON as `procrun history NAME --json` prints it.",
            inputSchema: schema(["name": string("The procedure's name (or its file, relative to the library).")].merging(periodArguments) { first, _ in first }, required: ["name"])),
        MCPTool(
            name: "library_report",
            description: "Report the library's health over a period (default: the last 90 days), read from its git history: per procedure its runs and success rate now and in the period with their trend, flaky steps (failing in 10 to 50% of their runs), failing and slow steps, procedures never run or not run for 30 days, superseded ones, each step's last error, and who calls whom; 'attention' lists what needs a look first. Returns JSON as `procrun report --format json` prints it.",
            inputSchema: schema(periodArguments, required: [])),
    ]

    /// The arguments that bound a period of history, read as `--since` and `--until` are.
    static let periodArguments: [String: Value] = [
        "since": string("Only commits from this day or time on: 2026-11-01, 2026-11-01T09:30:00Z, or back from now: 30d, 2w."),
        "until": string("Only commits up to this day (included) or time; also when 'not run lately' is judged (default: now)."),
    ]

    /// The built-in actions with their parameters, `?` marking those a step may leave out:
    /// `shell {command, env?, cwd?, shell?, stdin?}; log {message, level?}; ...`.
    static let builtinActions = BuiltinActions.declarations.map { action in
        let parameters = action.parameters.map { $0.name + ($0.isRequired ? "" : "?") } + (action.anyName.map { _ in ["any variable name"] } ?? [])
        return action.name + " {" + parameters.joined(separator: ", ") + "}"
    }.joined(separator: "; ")

    private static func schema(_ properties: [String: Value], required: [String]) -> Value {
        .mapping(["type": .string("object"), "properties": .mapping(properties), "required": .list(required.map(Value.string))])
    }

    private static func string(_ description: String) -> Value {
        .mapping(["type": .string("string"), "description": .string(description)])
    }

    private static func integer(_ description: String) -> Value {
        .mapping(["type": .string("integer"), "description": .string(description)])
    }
}
