// The schema of `procrun show --json` as written by hand; a step's parameters are checked by the
// procedure schema's parts for the built-in actions, written where the text says @conditions@,
// @actionIs@ and @parameters@ (Language/Actions/JSONSchema+Actions.swift).

extension JSONSchema {
    /// The schema of a procedure described as data (`procrun show --json`, the MCP tool
    /// `show_procedure`), its built-in actions' parts left out.
    package static let showSkeleton = ##"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://raw.githubusercontent.com/procrun/procrun/main/schema/show.schema.json",
  "title": "procrun show --json",
  "description": "A procedure as the loader read it, its record and its call tree: what `procrun show --json` prints and the MCP tool show_procedure returns. Templates are given as written, secret values as `***`, durations in milliseconds. grammar.md, Interfaces for agents.",
  "type": "object",
  "properties": {
    "name": {"$ref": "#/$defs/identifier", "description": "The name the library knows the procedure by."},
    "file": {"type": "string", "description": "Its file (relative to the current folder for `procrun show`, absolute for the MCP tool)."},
    "aliases": {"type": "array", "items": {"$ref": "#/$defs/identifier"}, "description": "The other names it answers to (`aliases`), in file order."},
    "description": {"type": "string", "description": "What it does (`\"\"` when not written)."},
    "tags": {"type": "array", "items": {"type": "string"}, "description": "Words for finding it."},
    "version": {"type": "integer", "minimum": 1, "description": "Its version (1 when not written)."},
    "internal": {"type": "boolean", "description": "Whether the procedure is internal (`internal: true`): it runs only when another procedure calls it."},
    "superseded_by": {"anyOf": [{"$ref": "#/$defs/identifier"}, {"type": "null"}], "description": "The procedure that replaces this one, or null."},
    "superseded_reason": {"type": "string", "description": "Why it was superseded (`\"\"` when not written)."},
    "inputs": {"type": "array", "items": {"$ref": "#/$defs/input"}, "description": "Its inputs, in file order."},
    "outputs": {"$ref": "#/$defs/named", "description": "What it hands back after the last step: each output's name and template, in file order."},
    "env": {"$ref": "#/$defs/named", "description": "Its `env`: each variable's name and template, in file order."},
    "dotenv": {
      "type": "array",
      "description": "The variables its `dotenv` files gave when it was loaded, in file order: names only, never values.",
      "items": {
        "type": "object",
        "properties": {
          "name": {"type": "string"},
          "secret": {"type": "boolean", "description": "Whether the file is marked `secret: true`."}
        },
        "required": ["name", "secret"],
        "additionalProperties": false
      }
    },
    "cwd": {"type": ["string", "null"], "description": "Its `cwd`, joined to its folder, or null when it sets none."},
    "shell": {"type": ["array", "null"], "items": {"type": "string"}, "description": "Its `shell` as words (the program first), or null when it sets none."},
    "vars": {
      "type": "array",
      "description": "Its own `vars`, in file order: each one's name, whether it is a constant or a command (`sh`), and its value or command as written (never a computed value).",
      "items": {
        "type": "object",
        "properties": {
          "name": {"type": "string"},
          "kind": {"enum": ["constant", "sh"]},
          "value": {"type": "string", "description": "The constant (a template) or the command line, as written."}
        },
        "required": ["name", "kind", "value"],
        "additionalProperties": false
      }
    },
    "needs": {"$ref": "#/$defs/needs", "description": "The procedures that must have run before step 1 (`needs`), in file order."},
    "precondition": {"$ref": "#/$defs/preconditions", "description": "What must hold before anything of it runs (`precondition`), in order."},
    "up_to_date": {"$ref": "#/$defs/upToDate", "description": "Its up-to-date check (`sources`, `generates`, `status`), null for none."},
    "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}, "description": "Every step in the order of their numbers: the steps (a parallel group's right after the group), then the `finally` steps."},
    "stats": {"anyOf": [{"$ref": "#/$defs/stats"}, {"type": "null"}], "description": "Its record, as `procrun stats --json` gives it (null when the stats block cannot be read)."},
    "call_tree": {"type": "array", "items": {"$ref": "#/$defs/call"}, "description": "The procedures it calls, in step order, each with the procedures it calls in turn."},
    "warnings": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}, "description": "What the loader accepted but the author may not have meant, as `procrun check --json` gives diagnostics."}
  },
  "required": ["name", "file", "aliases", "description", "tags", "version", "internal", "superseded_by", "superseded_reason", "inputs", "outputs", "env", "dotenv", "cwd", "shell", "vars", "needs", "precondition", "up_to_date", "steps", "stats", "call_tree", "warnings"],
  "additionalProperties": false,
  "$defs": {
    "identifierPattern": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
    "identifier": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$", "description": "A name: letters, digits, `_` and `-`, starting with a letter."},
    "text": {"type": ["string", "number", "boolean"], "description": "Text; any scalar is read as the text written."},
    "template": {"type": ["string", "number", "boolean"], "description": "Text that may hold `{{ expression }}` parts, rendered just before the step runs."},
    "duration": {
      "description": "A duration: a number and a unit `ms`, `s`, `m` or `h` (`500ms`, `1.5s`, `2m`); a bare number means seconds.",
      "anyOf": [
        {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?(ms|s|m|h)?\\s*$"},
        {"type": "number", "minimum": 0}
      ]
    },
    "milliseconds": {"type": "integer", "minimum": 0},
    "value": {"type": ["string", "number", "boolean", "array", "null"], "items": {"type": ["string", "number", "boolean"]}},
    "named": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "value": {"type": "string", "description": "The template as written."}},
        "required": ["name", "value"],
        "additionalProperties": false
      }
    },
    "texts": {"type": "array", "items": {"type": "string"}},
    "input": {
      "type": "object",
      "description": "An input, every key of its declaration.",
      "properties": {
        "name": {"$ref": "#/$defs/identifier"},
        "type": {"enum": ["string", "integer", "number", "boolean", "list"]},
        "required": {"type": "boolean"},
        "default": {"$ref": "#/$defs/value", "description": "The value used when none is given (a secret input's as `***`), or null."},
        "allowed": {"type": ["array", "null"], "items": {"$ref": "#/$defs/value"}, "description": "The values it may take, or null for any."},
        "pattern": {"type": ["string", "null"], "description": "The regular expression a value must match whole, or null."},
        "description": {"type": "string"},
        "secret": {"type": "boolean"},
        "rest": {"type": "boolean", "description": "Whether it takes the words after `--` on the command line (`rest: true`)."}
      },
      "required": ["name", "type", "required", "default", "allowed", "pattern", "description", "secret", "rest"],
      "additionalProperties": false
    },
    "codes": {"type": ["array", "null"], "items": {"type": "integer"}},
    "step": {
      "type": "object",
      "description": "One step, every key of the language; a key the step does not set is null or its default.",
      "properties": {
        "step": {"type": "integer", "minimum": 1, "description": "Its number, as progress lines, reports and `--from` count."},
        "id": {"anyOf": [{"$ref": "#/$defs/identifier"}, {"type": "null"}]},
        "name": {"type": "string", "description": "How reports name it: its id, or `#N`."},
        "key": {"type": ["string", "null"], "description": "The key of its figures in the stats block (its id, or a fingerprint)."},
        "action": {"type": "string", "description": "The action as written (`parallel` for a group)."},
        "parameters": {"type": "object", "description": "Its parameters as read: text (templates too) as written; plain booleans and numbers typed where the action reads them so."},
        "command": {"type": ["string", "null"], "description": "The command it runs, templates as written (a library action's parameters filled in), as `procrun show` prints it; null for an action that runs none."},
        "calls": {"type": ["string", "null"], "description": "The procedure it calls (its name, or the reference as written), or null."},
        "when": {"type": ["string", "null"], "description": "Its condition as written, or null."},
        "for_each": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/texts"}, {"type": "null"}], "description": "Its loop: the expression, or the list of templates, as written; or null."},
        "as": {"anyOf": [{"$ref": "#/$defs/identifier"}, {"type": "null"}], "description": "The name a loop's item is read by (`item` unless written); null without a `for_each`."},
        "matrix": {
          "description": "Its matrix as written, or null: each axis's values (a list, each string as written) or expression, `include` and `exclude`, whether its entries run side by side (`parallel`, `max`, `fail_fast`) and each in its own folder (`isolate`).",
          "anyOf": [
            {
              "type": "object",
              "properties": {
                "axes": {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "array"}]}},
                "include": {"type": "array", "items": {"type": "object"}},
                "exclude": {"type": "array", "items": {"type": "object"}},
                "parallel": {"type": "boolean"},
                "max": {"type": ["integer", "null"]},
                "fail_fast": {"type": "boolean"},
                "isolate": {"type": "boolean"}
              },
              "required": ["axes", "include", "exclude", "parallel", "max", "fail_fast", "isolate"],
              "additionalProperties": false
            },
            {"type": "null"}
          ]
        },
        "parallel": {
          "description": "For a parallel group: how many of its steps run at once (`max`, null for all), whether a failure calls the others off, and its steps' numbers; else null.",
          "anyOf": [
            {
              "type": "object",
              "properties": {
                "max": {"type": ["integer", "null"], "minimum": 1},
                "fail_fast": {"type": "boolean"},
                "steps": {"type": "array", "items": {"type": "integer", "minimum": 1}}
              },
              "required": ["max", "fail_fast", "steps"],
              "additionalProperties": false
            },
            {"type": "null"}
          ]
        },
        "group": {"type": ["integer", "null"], "minimum": 1, "description": "The number of the parallel group it belongs to, or null."},
        "expect": {"$ref": "#/$defs/expect"},
        "timeout_ms": {"anyOf": [{"$ref": "#/$defs/milliseconds"}, {"type": "null"}], "description": "Its own `timeout`, or null."},
        "retries": {
          "type": "object",
          "properties": {
            "count": {"type": "integer", "minimum": 0},
            "delay_ms": {"$ref": "#/$defs/milliseconds"},
            "backoff": {"type": "number", "minimum": 1}
          },
          "required": ["count", "delay_ms", "backoff"],
          "additionalProperties": false
        },
        "on_failure": {"enum": ["abort", "continue"]},
        "outputs": {"$ref": "#/$defs/named", "description": "Its outputs: each name and template, in file order."},
        "notes": {"type": "string"},
        "keep_running": {"type": "boolean"},
        "needs": {"$ref": "#/$defs/needs", "description": "The procedures that must have run before this step (`needs`), in file order."},
        "precondition": {"$ref": "#/$defs/preconditions", "description": "What must hold before this step runs (`precondition`), in order."},
        "up_to_date": {"$ref": "#/$defs/upToDate", "description": "Its up-to-date check (`sources`, `generates`, `status`), null for none."},
        "finally": {"type": "boolean", "description": "Whether it is a `finally` step (or in a group among them)."}
      },
      "required": ["step", "id", "name", "key", "action", "parameters", "command", "calls", "when", "for_each", "as", "matrix", "parallel", "group", "expect", "timeout_ms", "retries", "on_failure", "outputs", "notes", "keep_running", "needs", "precondition", "up_to_date", "finally"],
      "additionalProperties": false,
      "allOf": [
@conditions@
      ]
    },
    "expect": {
      "type": "object",
      "description": "What the outcome must be, each kind of expectation as data (`expected_outcome` is among `contains`); null codes mean the action's default.",
      "properties": {
        "exit_code": {"$ref": "#/$defs/codes"},
        "status": {"$ref": "#/$defs/codes"},
        "contains": {"$ref": "#/$defs/texts"},
        "not_contains": {"$ref": "#/$defs/texts"},
        "matches": {"type": ["string", "null"]},
        "equals": {"type": ["string", "null"]},
        "stderr_contains": {"$ref": "#/$defs/texts"}
      },
      "required": ["exit_code", "status", "contains", "not_contains", "matches", "equals", "stderr_contains"],
      "additionalProperties": false
    },
    "actionIs": {
@actionIs@
    },
    "parameters": {
@parameters@
    },
    "counter": {"type": "integer", "minimum": 0},
    "stats": {
      "type": "object",
      "description": "The procedure's record, as `procrun stats --json` gives it.",
      "properties": {
\##(figures(StatsKey.counterNames, indent: "        "))
        "success_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "last_executed": {"type": ["string", "null"], "description": "When the last run ended (UTC, ISO 8601), or null before any run."},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/stepStats"}, "description": "Each step's figures in step order, then those that match no step (orphans)."}
      },
      "required": [\##(StatsKey.names.map { "\"\($0)\"" }.joined(separator: ", "))],
      "additionalProperties": false
    },
    "stepStats": {
      "type": "object",
      "properties": {
        "key": {"type": "string", "description": "The step's key (see a step's `key`)."},
\##(figures(StepStatsKey.counterNames, indent: "        "))
        "last_error": {"type": ["string", "null"]},
        "failing": {"type": "boolean"},
        "slow": {"type": "boolean"},
        "orphan": {"type": "boolean", "description": "Its figures match no step of the file."}
      },
      "required": [\##((["key"] + StepStatsKey.names + ["failing", "slow", "orphan"]).map { "\"\($0)\"" }.joined(separator: ", "))],
      "additionalProperties": false
    },
    "upToDate": {
      "type": ["object", "null"],
      "properties": {
        "sources": {"type": "array", "items": {"type": "string"}, "description": "The globs as written (`!glob` excludes)."},
        "generates": {"type": "array", "items": {"type": "string"}},
        "status": {"type": "array", "items": {"type": "string"}, "description": "The status command lines as written."}
      },
      "required": ["sources", "generates", "status"],
      "additionalProperties": false
    },
    "needs": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "reference": {"type": "string", "description": "The procedure as written (a name, a path, or a template)."},
          "procedure": {"anyOf": [{"$ref": "#/$defs/identifier"}, {"type": "null"}], "description": "The procedure it names; null when resolved only at run time."},
          "inputs": {"$ref": "#/$defs/named", "description": "The inputs passed, as written (a typed value as JSON text), in file order."}
        },
        "required": ["reference", "procedure", "inputs"],
        "additionalProperties": false
      }
    },
    "preconditions": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kind": {"enum": ["that", "sh"], "description": "`that`: an expression that must be true; `sh`: a command that must exit with 0."},
          "test": {"type": "string", "description": "The expression or command as written."},
          "message": {"type": ["string", "null"], "description": "The message as written; null without one."}
        },
        "required": ["kind", "test", "message"],
        "additionalProperties": false
      }
    },
    "call": {
      "type": "object",
      "description": "A call: the calling step, the reference as written, the callee (null when resolved only at run time) and the callee's own calls.",
      "properties": {
        "step": {"type": ["integer", "null"], "minimum": 1, "description": "The calling step's number; for a need, the needing step's, null for the procedure's own needs."},
        "name": {"type": "string", "description": "The calling step's name (`needs` for a need)."},
        "reference": {"type": "string"},
        "procedure": {"anyOf": [{"$ref": "#/$defs/identifier"}, {"type": "null"}]},
        "file": {"type": ["string", "null"]},
        "calls": {"type": "array", "items": {"$ref": "#/$defs/call"}}
      },
      "required": ["step", "name", "reference", "procedure", "file", "calls"],
      "additionalProperties": false
    },
    "diagnostic": {
      "type": "object",
      "properties": {
        "file": {"type": ["string", "null"]},
        "line": {"type": ["integer", "null"]},
        "column": {"type": ["integer", "null"]},
        "severity": {"type": "string"},
        "id": {"type": "string"},
        "message": {"type": "string"},
        "notes": {"type": "array"}
      },
      "required": ["file", "line", "column", "severity", "id", "message", "notes"],
      "additionalProperties": false
    }
  }
}
"""##

    /// The members of a `properties` object for `names`, each a counter, one a line after
    /// `indent`, each followed by a comma.
    private static func figures(_ names: [String], indent: String) -> String {
        names.map { indent + "\"\($0)\": {\"$ref\": \"#/$defs/counter\"}," }.joined(separator: "\n")
    }
}
