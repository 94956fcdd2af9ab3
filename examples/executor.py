#!/usr/bin/env python3
"""An example procrun executor: runs actions procrun itself does not define.

procrun starts it once per run and writes one JSON request per line on its standard input:
    {"id": 1, "action": "greet", "parameters": {"name": "Ada"}, "procedure": "hello", "step": "#1"}
It answers each with one JSON line on its standard output:
    {"id": 1, "status": "success", "outcome": "hello, Ada", "error": null}
Anything for people goes to standard error. See grammar.md, "Executors".
"""
import json
import sys
import time


def greet(parameters):
    return "hello, " + str(parameters.get("name", "world"))


def add(parameters):
    return str(sum(parameters.get("numbers", [])))


def shout(parameters):
    return str(parameters.get("text", "")).upper()


def reject(parameters):
    raise RuntimeError(parameters.get("message", "asked to fail"))


def crash(parameters):
    sys.exit(3)


def hang(parameters):
    time.sleep(3600)


def garbage(parameters):
    sys.stdout.write("this is not json\n")
    sys.stdout.flush()
    return None


ACTIONS = {"greet": greet, "add": add, "shout": shout, "reject": reject, "crash": crash, "hang": hang, "garbage": garbage}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        handler = ACTIONS.get(request["action"])
        reply = {"id": request["id"], "status": "success", "outcome": "", "error": None}
        if handler is None:
            reply.update(status="failed", error="unknown action '%s'" % request["action"])
        else:
            try:
                outcome = handler(request.get("parameters", {}))
                if outcome is None:
                    continue
                reply["outcome"] = outcome
            except Exception as error:  # a failed action, reported as such
                reply.update(status="failed", error=str(error))
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
