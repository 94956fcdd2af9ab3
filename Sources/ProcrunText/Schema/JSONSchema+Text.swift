// The JSON Schemas as written by hand. The built-in actions' parts are written from their
// declarations where the text says @names@, @conditions@, @actionIs@ or @parameters@
// (Language/Actions/JSONSchema+Actions.swift), the stats block's properties from the table of its
// keys (StatsKey, StepStatsKey); schema/*.schema.json is what `procrun schema` prints
// (scripts/write-schema.sh writes it).

extension JSONSchema {
    /// What a `vars` entry may be, in the procedure's schema and the library's: a constant or
    /// `{sh: COMMAND}`.
    static let variableValue = ##"""
        {"anyOf": [{"type": ["string", "number", "boolean"], "description": "A constant: a plain boolean or number keeps its type; a string is a template, rendered once when first read."}, {"type": "object", "properties": {"sh": {"type": "string", "minLength": 1, "description": "A command line (templated as a `shell` step's); its standard output, without trailing line endings, is the value, computed once per run at the first read."}}, "required": ["sh"], "additionalProperties": false}]}
        """##

    /// The procedure schema, its built-in actions' parts left out.
    package static let procedureSkeleton = ##"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://raw.githubusercontent.com/procrun/procrun/main/schema/procedure.schema.json",
  "title": "procrun procedure",
  "description": "A procrun procedure: a named sequence of steps, run by `procrun FILE`. grammar.md is the complete reference.",
  "type": "object",
  "properties": {
    "name": {"$ref": "#/$defs/identifier", "description": "The name the library knows the procedure by: letters, digits, `_` and `-`, starting with a letter. Required."},
    "description": {"$ref": "#/$defs/optionalText", "description": "What the procedure does and when to use it.", "default": ""},
    "aliases": {"anyOf": [{"$ref": "#/$defs/identifier"}, {"type": "array", "items": {"$ref": "#/$defs/identifier"}}, {"type": "null"}], "description": "Other names the procedure answers to wherever a procedure name is taken (the command line, a call step, `replay_procedure`, MCP); a name another procedure has or claims is an error naming both files. Written on the top-level `aliases:` line (`[a, b]`) or as a block list right under it.", "default": []},
    "internal": {"type": ["boolean", "null"], "description": "`true`: the procedure runs only when another procedure calls it (a call step, `replay_procedure`); `procrun NAME`, MCP `run_procedure` refuse it, and `list`, `find`, Agent Skills leave it out. Written as a top-level line `internal: true`.", "default": false},
    "tags": {"type": ["array", "null"], "items": {"$ref": "#/$defs/text"}, "description": "Words for finding the procedure (`procrun find`).", "default": []},
    "version": {"type": "integer", "minimum": 1, "maximum": 1000000, "description": "Bumped by `procrun optimize`; users may bump it by hand.", "default": 1},
    "inputs": {
      "type": ["object", "null"],
      "description": "The values a caller passes in (`--set NAME=VALUE`), by name.",
      "default": {},
      "propertyNames": {"$ref": "#/$defs/identifierPattern"},
      "additionalProperties": {"$ref": "#/$defs/input"}
    },
    "outputs": {"$ref": "#/$defs/namedTemplates", "description": "Values the procedure hands back, rendered after the last step: name -> template.", "default": {}},
    "shell": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}], "description": "The shell (a program and its flags: `bash -euo pipefail`, or a list of words) the procedure's command lines run with when a step sets no `shell` (default: `procrun.yaml`'s `defaults.shell`, else `/bin/sh`)."},
    "cwd": {"$ref": "#/$defs/text", "description": "The folder the procedure's commands (`shell` steps, `wait_for` commands) run in when a step sets no `cwd`, relative to the procedure file's folder; it must exist before the run (default: `procrun.yaml`'s `defaults.cwd`, else the procedure file's folder)."},
    "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}, "description": "What to do, in order. Required, at least one step."},
    "sources": {"$ref": "#/$defs/globs", "description": "Up-to-date check: globs (templates; `**` any depth, `!glob` excludes) of the files, relative to where the procedure's commands run, whose paths and contents are fingerprinted; the procedure is skipped whole (after its needs) when the fingerprint is the one stored after its last successful run with the same inputs and every `generates` glob matches a file."},
    "generates": {"$ref": "#/$defs/globs", "description": "Up-to-date check: globs each of which must match a file for the procedure to be up to date (with `sources` or `status`)."},
    "status": {"$ref": "#/$defs/statusCommands", "description": "Up-to-date check: commands that must all exit 0 for the procedure to be up to date."},
    "needs": {"$ref": "#/$defs/needs", "description": "Procedures that must have run, successfully, before step 1: each runs once per run (per procedure and inputs), however many procedures or steps need it; independent needs run side by side."},
    "precondition": {"$ref": "#/$defs/precondition", "description": "What must hold before anything of the procedure runs (before its needs and step 1), checked in order: an unmet one fails the run (exit 1) with `precondition not met: MESSAGE`."},
    "finally": {"type": ["array", "null"], "items": {"$ref": "#/$defs/step"}, "description": "Steps that always run after `steps`, whatever happened (success, failure, timeout, interrupt within a 10 s grace); they read `run.status` and `run.failed_step`.", "default": []},
    "vars": {
      "type": ["object", "null"],
      "description": "Variables every template and `when` of the procedure reads as `vars.NAME` (over the library's of the same name): a constant, or {sh: COMMAND}. A template may read `inputs`, `env`, `os` and the variables declared above it.",
      "propertyNames": {"pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
      "additionalProperties": \##(variableValue),
      "default": {}
    },
    "env": {"type": ["object", "null"], "description": "Environment variables for every step (templates, rendered before the first step in file order); a step's own `env` wins.", "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_]*$"}, "additionalProperties": {"type": ["string", "number", "boolean"]}, "default": {}},
    "dotenv": {"description": "`.env` files read before the run (inside the library unless `outside_library`), a later one winning: a path, {path, optional, secret, outside_library}, or a list of those.", "anyOf": [{"$ref": "#/$defs/dotenvFile"}, {"type": "array", "items": {"$ref": "#/$defs/dotenvFile"}}, {"type": "null"}]},
    "superseded_by": {"anyOf": [{"$ref": "#/$defs/identifier"}, {"type": "null"}], "description": "The procedure that replaces this one (written by `procrun merge`); running this one prints a note."},
    "superseded_reason": {"$ref": "#/$defs/optionalText", "description": "Why it was superseded (written by `procrun merge`).", "default": ""},
    "stats": {"$ref": "#/$defs/stats"}
  },
  "required": ["name", "steps"],
  "additionalProperties": false,
  "$defs": {
    "dotenvFile": {
      "anyOf": [
        {"type": "string", "minLength": 1},
        {
          "type": "object",
          "properties": {
            "path": {"type": "string", "minLength": 1, "description": "The file, relative to the folder of the file naming it."},
            "optional": {"type": "boolean", "description": "A missing file is no error.", "default": false},
            "secret": {"type": "boolean", "description": "Its values are masked in all output, like secret inputs.", "default": false},
            "outside_library": {"type": "boolean", "description": "The file may lie outside the library folder.", "default": false}
          },
          "required": ["path"],
          "additionalProperties": false
        }
      ]
    },
    "identifierPattern": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
    "identifier": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$", "description": "A name: letters, digits, `_` and `-`, starting with a letter."},
    "text": {"type": ["string", "number", "boolean"], "description": "Text; any scalar is read as the text written."},
    "optionalText": {"type": ["string", "number", "boolean", "null"]},
    "template": {"type": ["string", "number", "boolean"], "description": "Text that may hold `{{ expression }}` parts, rendered just before the step runs."},
    "textOrList": {"anyOf": [{"$ref": "#/$defs/template"}, {"type": "array", "items": {"$ref": "#/$defs/template"}}]},
    "namedTemplates": {
      "type": ["object", "null"],
      "propertyNames": {"$ref": "#/$defs/identifierPattern"},
      "additionalProperties": {"$ref": "#/$defs/template"}
    },
    "duration": {
      "description": "A duration: a number and a unit `ms`, `s`, `m` or `h` (`500ms`, `1.5s`, `2m`); a bare number means seconds.",
      "anyOf": [
        {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?(ms|s|m|h)?\\s*$"},
        {"type": "number", "minimum": 0}
      ]
    },
    "exitCodes": {
      "anyOf": [
        {"type": "integer", "minimum": 0, "maximum": 255},
        {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 255}}
      ]
    },
    "statusCodes": {
      "anyOf": [
        {"type": "integer", "minimum": 100, "maximum": 599},
        {"type": "array", "items": {"type": "integer", "minimum": 100, "maximum": 599}}
      ]
    },
    "inputValue": {"type": ["string", "number", "boolean", "array"], "items": {"$ref": "#/$defs/text"}},
    "input": {
      "type": ["object", "null"],
      "description": "An input: its type, default, and whether it is required, restricted or secret.",
      "properties": {
        "type": {"enum": ["string", "integer", "number", "boolean", "list"], "description": "How `--set` values and defaults are read and checked.", "default": "string"},
        "description": {"$ref": "#/$defs/text", "description": "Shown by `procrun show` and in errors.", "default": ""},
        "default": {"$ref": "#/$defs/inputValue", "description": "The value used when the caller gives none (a value of `type`)."},
        "required": {"type": "boolean", "description": "A run without a value (and without a default) is refused before step 1.", "default": false},
        "allowed": {"type": "array", "items": {"$ref": "#/$defs/inputValue"}, "description": "The value must be one of these (values of `type`)."},
        "pattern": {"type": "string", "description": "A regular expression a string value must match whole (Swift Regex syntax), checked before step 1."},
        "secret": {"type": "boolean", "description": "The value is shown as `***` in progress lines, dry runs and reports.", "default": false},
        "rest": {"type": "boolean", "description": "(`list` inputs, at most one per procedure) Takes the words after `--` on the command line: `procrun test -- -v`.", "default": false}
      },
      "additionalProperties": false
    },
    "expect": {
      "type": "object",
      "description": "What the outcome must be; the step fails unless every key holds.",
      "properties": {
        "exit_code": {"$ref": "#/$defs/exitCodes", "description": "The exit code is this (one of these). Default for `shell`: 0."},
        "status": {"$ref": "#/$defs/statusCodes", "description": "(`http`) The status code is this (one of these). Default: 200-299."},
        "contains": {"$ref": "#/$defs/textOrList", "description": "The outcome contains each string."},
        "not_contains": {"$ref": "#/$defs/textOrList", "description": "The outcome contains none of these strings."},
        "matches": {"$ref": "#/$defs/text", "description": "The outcome has a match for this regular expression (Swift Regex syntax)."},
        "equals": {"$ref": "#/$defs/template", "description": "The outcome, without trailing newlines, is exactly this."},
        "stderr_contains": {"$ref": "#/$defs/textOrList", "description": "(`shell`) Standard error contains each string."}
      },
      "additionalProperties": false
    },
    "retries": {
      "description": "How many times a failed step is tried again: a count, or {count, delay, backoff}.",
      "default": 0,
      "anyOf": [
        {"type": "integer", "minimum": 0, "maximum": 100},
        {
          "type": "object",
          "properties": {
            "count": {"type": "integer", "minimum": 0, "maximum": 100, "description": "How many times a failed step is tried again.", "default": 0},
            "delay": {"$ref": "#/$defs/duration", "description": "The wait before the first retry.", "default": "1s"},
            "backoff": {"type": "number", "minimum": 1, "maximum": 100, "description": "Each delay is the previous one times this.", "default": 1}
          },
          "additionalProperties": false
        }
      ]
    },
    "step": {
      "type": "object",
      "description": "One step: an action, its parameters, what the outcome must be, and its controls.",
      "properties": {
        "id": {"$ref": "#/$defs/identifier", "description": "Unique within the procedure; names the step in templates (`steps.ID`), reports and stats."},
        "action": {
          "description": "A built-in action, a library action of procrun.yaml, a procedure of the library (`PREFIX:NAME` for one of a library it includes), or (with an executor) any other name. Required.",
          "anyOf": [
            {"enum": [@names@]},
            {"$ref": "#/$defs/identifier"},
            {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*(:[A-Za-z][A-Za-z0-9_-]*)+$"}
          ]
        },
        "parameters": {"type": ["object", "null"], "description": "The action's parameters; any string in it may be a template.", "default": {}},
        "expect": {"$ref": "#/$defs/expect"},
        "expected_outcome": {"$ref": "#/$defs/template", "description": "Short form of `expect: {contains: TEXT}`: the outcome must contain this text."},
        "when": {"$ref": "#/$defs/text", "description": "A condition (a bare expression or one `{{ expression }}`), evaluated just before the step; when false the step is skipped."},
        "timeout": {"$ref": "#/$defs/duration", "description": "The step fails when it runs longer; its process group is ended (SIGTERM, then SIGKILL after 2 s)."},
        "retries": {"$ref": "#/$defs/retries"},
        "on_failure": {"enum": ["abort", "continue"], "description": "`abort` ends the run at a failed step; `continue` records the failure and goes on (the run is still failed).", "default": "abort"},
        "outputs": {"$ref": "#/$defs/namedTemplates", "description": "Named values computed from the step's own result (`result.FIELD`), read later as `steps.ID.outputs.NAME`.", "default": {}},
        "notes": {"$ref": "#/$defs/text", "description": "Free text for people; shown by `procrun show` and in failure reports.", "default": ""},
        "sources": {"$ref": "#/$defs/globs", "description": "Up-to-date check: globs (templates; `**` any depth, `!glob` excludes) of the files, relative to the step's working folder, whose paths and contents (with the step's definition and rendered parameters) are fingerprinted; the step is skipped when the fingerprint is the one stored after its last successful run and every `generates` glob matches a file."},
        "generates": {"$ref": "#/$defs/globs", "description": "Up-to-date check: globs each of which must match a file for the step to be up to date (with `sources` or `status`)."},
        "status": {"$ref": "#/$defs/statusCommands", "description": "Up-to-date check: commands run as a `shell` step's command (its cwd, env and shell) that must all exit 0 for the step to be up to date."},
        "needs": {"$ref": "#/$defs/needs", "description": "Procedures that must have run, successfully, before this step (also a step of a parallel group): each runs once per run (per procedure and inputs)."},
        "precondition": {"$ref": "#/$defs/precondition", "description": "What must hold before the step runs, checked in order right after its `when` (per item of a loop): an unmet one fails the step with `precondition not met: MESSAGE`."},
        "for_each": {"description": "Run the step once per item: an expression that gives a list (`inputs.hosts`, `{{ steps.list.stdout | from_json }}`), or a list of templates. The item is read as `item` (or the name `as` gives), with `loop.index` (from 1), `loop.index0`, `loop.length`, `loop.first`, `loop.last`; `steps.ID.results` holds each item's result.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "items": {"$ref": "#/$defs/template"}}]}, "as": {"$ref": "#/$defs/identifier", "description": "The name a loop's item is read by (with `for_each` only).", "default": "item"}, "keep_running": {"type": "boolean", "description": "Leave the processes this step starts in the background running after the run (a step that starts a service); otherwise they are ended at the end of the run.", "default": false},
        "parallel": {
          "description": "Instead of `action`: a parallel group of steps. On a step with a `matrix`: `true`, or `{max, fail_fast}`, runs its entries side by side.",
          "anyOf": [
            {"$ref": "#/$defs/parallelGroup"},
            {"type": "boolean"},
            {
              "type": "object",
              "properties": {
                "max": {"type": "integer", "minimum": 1, "maximum": 1024, "description": "How many entries run at once; default: all of them."},
                "fail_fast": {"type": "boolean", "description": "When an entry fails, entries not started are skipped and running commands ended. Default: true, unless the step says `on_failure: continue`."}
              },
              "additionalProperties": false
            }
          ]
        },
        "matrix": {
          "type": "object",
          "description": "Run the step once per entry: every combination of the axes' values (each key an axis: a list, or an expression giving one), the first axis slowest; `exclude` takes out entries, `include` merges values into entries or adds them, as GitHub Actions does. The entry is read as `matrix.NAME`; `steps.ID.results` holds each entry's result.",
          "properties": {
            "include": {"type": "array", "items": {"type": "object"}, "description": "Mappings merged into the entries whose axes have their values, or added as entries."},
            "exclude": {"type": "array", "items": {"type": "object"}, "description": "Partial mappings: an entry with all of one's values is taken out. Each key must be an axis."}
          },
          "additionalProperties": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "minItems": 1}]},
          "minProperties": 1
        },
        "isolate": {"type": "boolean", "description": "With `matrix`: each entry runs in its own copy of the folder its commands run in, removed after.", "default": false}
      },
      "if": {"required": ["matrix"]}, "then": {"required": ["action"]}, "else": {"oneOf": [{"required": ["action"]}, {"required": ["parallel"]}]},
      "additionalProperties": false,
      "allOf": [
@conditions@
      ]
    },
    "parallelGroup": {
      "type": "object",
      "description": "Instead of `action`: steps that run side by side, each a normal step with its own id, timeout, retries and record; the group fails when one of them fails. A group step takes only id, when, notes and on_failure beside it.",
      "properties": {
        "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}, "description": "The steps to run side by side (not groups, not `set`)."},
        "max": {"type": "integer", "minimum": 1, "maximum": 1024, "description": "How many run at once; default: all of them."},
        "fail_fast": {"type": "boolean", "description": "When one fails, steps not started are skipped and running commands ended (counted as skipped); false lets every step run to its end. Default: true, except among `finally` steps."}
      },
      "required": ["steps"],
      "additionalProperties": false
    },
    "actionIs": {
@actionIs@
    },
    "parameters": {
@parameters@
    },
    "globs": {"anyOf": [{"$ref": "#/$defs/template"}, {"type": "array", "items": {"$ref": "#/$defs/template"}}], "description": "A glob or a list of globs: `*`, `?`, `[abc]` within a name, `**` any number of folders."},
    "statusCommands": {"anyOf": [{"$ref": "#/$defs/template"}, {"type": "array", "items": {"$ref": "#/$defs/template"}}], "description": "A command line or a list of them."},
    "needs": {
      "type": ["array", "null"],
      "description": "Procedure references (a name, or a path inside the library) or mappings with `procedure` and `inputs`, as `replay_procedure` takes them.",
      "items": {
        "anyOf": [
          {"$ref": "#/$defs/text"},
          {
            "type": "object",
            "properties": {
              "procedure": {"$ref": "#/$defs/template", "description": "A procedure name, or a path inside the library. Required."},
              "inputs": {"type": ["object", "null"], "propertyNames": {"$ref": "#/$defs/identifierPattern"}, "description": "The needed procedure's inputs.", "default": {}}
            },
            "required": ["procedure"],
            "additionalProperties": false
          }
        ]
      },
      "default": []
    },
    "precondition": {
      "description": "A bare expression that must be true, or a list whose entries are a bare expression, `{that: EXPRESSION, message: TEXT}` or `{sh: COMMAND, message: TEXT}` (the command must exit with 0).",
      "anyOf": [
        {"$ref": "#/$defs/text"},
        {
          "type": ["array", "null"],
          "items": {
            "anyOf": [
              {"$ref": "#/$defs/text"},
              {
                "type": "object",
                "properties": {
                  "that": {"$ref": "#/$defs/text", "description": "An expression (as `when` takes one) that must be true."},
                  "sh": {"$ref": "#/$defs/template", "description": "A command line, run as a `shell` step's command, that must exit with 0."},
                  "message": {"$ref": "#/$defs/template", "description": "What an unmet precondition says (default: the expression or command as written)."}
                },
                "oneOf": [{"required": ["that"]}, {"required": ["sh"]}],
                "additionalProperties": false
              }
            ]
          }
        }
      ],
      "default": []
    },
    "counter": {"type": "integer", "minimum": 0, "maximum": 1000000000000000},
    "stats": {
      "type": ["object", "null"],
      "description": "Written by procrun after each run; edit only to reset. See grammar.md, The stats block.",
      "properties": {
\##(StatsKey.schemaProperties(indent: "        "))
      },
      "additionalProperties": false
    },
    "stepStats": {
      "type": "object",
      "description": "One step's figures.",
      "properties": {
\##(StepStatsKey.schemaProperties(indent: "        "))
      },
      "additionalProperties": {"type": ["integer", "number", "string", "boolean", "null"]}
    }
  }
}
"""##
    /// The library schema, the built-in actions' names left out.
    package static let librarySkeleton = ##"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://raw.githubusercontent.com/procrun/procrun/main/schema/library.schema.json",
  "title": "procrun library (procrun.yaml)",
  "description": "A library's procrun.yaml: the team's actions as shell templates, the executor, the MCP servers. See grammar.md, Library actions.",
  "type": "object",
  "properties": {
    "actions": {
      "type": ["object", "null"],
      "description": "The library's actions, by name; a step uses one as `action: NAME`. A name may not be a built-in action's.",
      "propertyNames": {
        "pattern": "^[A-Za-z][A-Za-z0-9_-]*$",
        "not": {"enum": [@names@]}
      },
      "additionalProperties": {"$ref": "#/$defs/action"}
    },
    "executor": {"$ref": "#/$defs/externalCommand", "description": "The executor for actions nothing else defines: a command line, an argument list, or {command, timeout}."},
    "mcp_servers": {
      "type": ["object", "null"],
      "description": "The MCP servers `mcp` steps call, by name: a command line, an argument list, or {command, timeout}.",
      "propertyNames": {"pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
      "additionalProperties": {"$ref": "#/$defs/externalCommand"}
    },
    "default": {"type": ["string", "null"], "description": "The procedure `procrun` alone runs (a name, or `PREFIX:NAME` for one of an included library); without it, `procrun` alone lists the procedures."},
    "include": {
      "type": ["object", "null"],
      "description": "Other libraries, each under a prefix: their procedures are named `PREFIX:NAME` here and run with their own procrun.yaml. The folder is relative to this file's folder and may lie outside the library. See grammar.md, Includes.",
      "propertyNames": {"pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
      "additionalProperties": {"type": "string", "minLength": 1},
      "default": {}
    },
    "learn": {"type": ["boolean", "null"], "description": "Whether runs of the library's procedures are learned from (their stats blocks rewritten); `false` for CI jobs and scratch clones. `--learn`, `--no-learn` and `PROCRUN_LEARN` win over it.", "default": true},
    "vars": {
      "type": ["object", "null"],
      "description": "Variables every procedure of the library reads as `vars.NAME`, one value for the whole run: a constant, or {sh: COMMAND}. A template may read `env`, `os` and the variables declared above it.",
      "propertyNames": {"pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
      "additionalProperties": \##(variableValue),
      "default": {}
    },
    "env": {"type": ["object", "null"], "description": "Environment variables for every step of the library's procedures (templates, rendered before the first step in file order); a procedure's `env` and a step's win.", "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_]*$"}, "additionalProperties": {"type": ["string", "number", "boolean"]}, "default": {}},
    "dotenv": {"description": "`.env` files read before the run (inside the library unless `outside_library`), a later one winning: a path, {path, optional, secret, outside_library}, or a list of those.", "anyOf": [{"$ref": "#/$defs/dotenvFile"}, {"type": "array", "items": {"$ref": "#/$defs/dotenvFile"}}, {"type": "null"}]},
    "find": {
      "type": ["object", "null"],
      "description": "Settings of `procrun find` and the MCP find_procedures tool.",
      "properties": {
        "abbreviations": {
          "type": ["object", "null"],
          "description": "Abbreviations a task may use, each a word of letters and digits, with the words it stands for (`ts: typescript`); added over the built-in table (k8s, db, prod, ...). See grammar.md, Finding a procedure.",
          "propertyNames": {"pattern": "^[A-Za-z0-9]+$"},
          "additionalProperties": {"type": "string", "pattern": "[A-Za-z0-9]"}
        }
      },
      "additionalProperties": false
    },
    "defaults": {
      "type": ["object", "null"],
      "description": "Settings for every step of the library's procedures that does not set its own.",
      "properties": {
        "timeout": {"$ref": "#/$defs/duration", "description": "The longest a `shell`, library action, `http`, executor or `mcp` step may run when it sets no `timeout`; `procrun run --timeout` wins over it."},
        "cwd": {"$ref": "#/$defs/text", "description": "The folder the commands of the library's procedures run in when neither the step nor the procedure sets a `cwd`, relative to the folder of `procrun.yaml`; it must exist before the run."},
        "shell": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}], "description": "The shell (a program and its flags: `bash -euo pipefail`, or a list of words) the command lines of the library's procedures run with when neither the step nor the procedure sets a `shell` (default: `/bin/sh`)."}
      },
      "additionalProperties": false
    }
  },
  "additionalProperties": false,
  "$defs": {
    "dotenvFile": {
      "anyOf": [
        {"type": "string", "minLength": 1},
        {
          "type": "object",
          "properties": {
            "path": {"type": "string", "minLength": 1, "description": "The file, relative to the folder of the file naming it."},
            "optional": {"type": "boolean", "description": "A missing file is no error.", "default": false},
            "secret": {"type": "boolean", "description": "Its values are masked in all output, like secret inputs.", "default": false},
            "outside_library": {"type": "boolean", "description": "The file may lie outside the library folder.", "default": false}
          },
          "required": ["path"],
          "additionalProperties": false
        }
      ]
    },
    "text": {"type": ["string", "number", "boolean"]},
    "duration": {
      "description": "A duration: a number and a unit `ms`, `s`, `m` or `h` (`500ms`, `1.5s`, `2m`); a bare number means seconds.",
      "anyOf": [
        {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?(ms|s|m|h)?\\s*$"},
        {"type": "number", "minimum": 0}
      ]
    },
    "commandLine": {
      "anyOf": [
        {"type": "string", "pattern": "\\S"},
        {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}
      ]
    },
    "externalCommand": {
      "anyOf": [
        {"$ref": "#/$defs/commandLine"},
        {
          "type": "object",
          "properties": {
            "command": {"$ref": "#/$defs/commandLine", "description": "A command line (run by /bin/sh -c) or an argument list. Required."},
            "timeout": {"$ref": "#/$defs/duration", "description": "The longest one request may take.", "default": "60s"}
          },
          "required": ["command"],
          "additionalProperties": false
        }
      ]
    },
    "action": {
      "type": "object",
      "description": "A library action: a shell template with declared parameters.",
      "properties": {
        "description": {"$ref": "#/$defs/text", "description": "Shown by `procrun show` and in errors.", "default": ""},
        "parameters": {
          "type": ["object", "null"],
          "description": "The parameters a step may pass, by name; a step passing an unknown one, or missing a required one, is an error.",
          "additionalProperties": {
            "type": ["object", "null"],
            "properties": {
              "default": {"$ref": "#/$defs/text", "description": "The value used when a step gives none."},
              "required": {"type": "boolean", "description": "A step must give this parameter.", "default": false},
              "description": {"$ref": "#/$defs/text", "description": "What the parameter means.", "default": ""}
            },
            "additionalProperties": false
          }
        },
        "command": {"description": "The command template (a line or a list of words, as for `shell`); `{{ params.NAME }}` names the parameters. Required.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}]},
        "env": {"type": "object", "additionalProperties": {"$ref": "#/$defs/text"}, "description": "Variables added to the environment (templates).", "default": {}},
        "cwd": {"$ref": "#/$defs/text", "description": "The working folder, relative to the folder of `procrun.yaml` (default: that folder, the library's)."},
        "shell": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}], "description": "The shell (a program and its flags, or a list of words) used when the command needs one (default: the procedure's, else `defaults.shell`, else `/bin/sh`)."}
      },
      "required": ["command"],
      "additionalProperties": false
    }
  }
}
"""##
}
