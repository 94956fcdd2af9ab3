#!/usr/bin/env python3
"""A small MCP server for tests, with no dependencies: JSON-RPC 2.0 over stdio, one message a line.

Tools: echo {text}, add {a, b}, oops {} (answers isError), crash {} (exits), hang {} (never answers).
It logs each tools/call to the file named by $TINY_SERVER_LOG, to show one process served a run.
"""
import json
import os
import sys
import time

TOOLS = [
    {"name": "echo", "description": "echoes text", "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}}},
    {"name": "add", "description": "adds two numbers", "inputSchema": {"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}}}},
    {"name": "oops", "description": "always reports an error", "inputSchema": {"type": "object"}},
    {"name": "crash", "description": "exits at once", "inputSchema": {"type": "object"}},
    {"name": "hang", "description": "never answers", "inputSchema": {"type": "object"}},
    {"name": "env", "description": "the value of an environment variable", "inputSchema": {"type": "object", "properties": {"name": {"type": "string"}}}},
]


def reply(id, result=None, error=None):
    message = {"jsonrpc": "2.0", "id": id}
    if error is not None:
        message["error"] = error
    else:
        message["result"] = result
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def text(value, is_error=False):
    return {"content": [{"type": "text", "text": value}], "isError": is_error}


def main():
    log = os.environ.get("TINY_SERVER_LOG")
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        method, id = message.get("method"), message.get("id")
        if id is None:
            continue  # a notification
        if method == "initialize":
            reply(id, {"protocolVersion": message["params"]["protocolVersion"], "capabilities": {"tools": {}},
                       "serverInfo": {"name": "tiny", "version": "1"}})
        elif method == "tools/list":
            reply(id, {"tools": TOOLS})
        elif method == "tools/call":
            name = message["params"]["name"]
            arguments = message["params"].get("arguments") or {}
            if log:
                with open(log, "a") as handle:
                    handle.write("%d %s %s\n" % (os.getpid(), name, json.dumps(arguments, sort_keys=True)))
            if name == "echo":
                reply(id, text(str(arguments.get("text", ""))))
            elif name == "add":
                reply(id, text(str(arguments["a"] + arguments["b"])))
            elif name == "oops":
                reply(id, text("something went wrong", is_error=True))
            elif name == "crash":
                sys.exit(4)
            elif name == "hang":
                time.sleep(3600)
            elif name == "env":
                reply(id, text(os.environ.get(arguments.get("name", ""), "<unset>")))
            else:
                reply(id, error={"code": -32602, "message": "unknown tool: " + name})
        else:
            reply(id, error={"code": -32601, "message": "method not found: " + method})


if __name__ == "__main__":
    main()
