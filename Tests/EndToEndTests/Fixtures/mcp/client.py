#!/usr/bin/env python3
"""Drives `procrun mcp` with the official Python MCP client (the `mcp` package from PyPI).

Usage: client.py PROCRUN LIBRARY
Lists the tools, calls each, and prints one JSON object on standard output:
  {"tools": [...names...], "calls": {label: {"is_error": bool, "text": str}}}
The Swift test checks the results and the files written.
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def field(item, *names):
    """An attribute under its current name or an older one (the package renamed them)."""
    for name in names:
        if hasattr(item, name):
            return getattr(item, name)
    return None


async def main(procrun, library):
    server = StdioServerParameters(command=procrun, args=["mcp", "--library", library])
    out = {"tools": [], "schemas": {}, "calls": {}}
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            listed = await session.list_tools()
            out["tools"] = [tool.name for tool in listed.tools]
            out["schemas"] = {tool.name: field(tool, "input_schema", "inputSchema") for tool in listed.tools}

            async def call(label, name, arguments):
                result = await session.call_tool(name, arguments)
                text = "\n".join(item.text for item in result.content if getattr(item, "type", "") == "text")
                out["calls"][label] = {"is_error": bool(field(result, "is_error", "isError")), "text": text}

            await call("find", "find_procedures", {"task": "greet someone by name"})
            await call("show", "show_procedure", {"name": "greet"})
            await call("run", "run_procedure", {"name": "greet", "inputs": {"who": "Ada"}})
            await call("run_failing", "run_procedure", {"name": "broken_step"})
            await call("run_missing", "run_procedure", {"name": "no_such_procedure"})
            await call("run_bad_input", "run_procedure", {"name": "greet", "inputs": {"times": "many"}})
            await call("record", "record_procedure", {
                "name": "say_twice",
                "description": "says a word twice",
                "tags": ["echo"],
                "inputs": {"word": {"type": "string", "default": "hello"}},
                "steps": [
                    {"action": "shell", "parameters": {"command": "echo hello"}, "outcome": "hello\n", "duration_ms": 3},
                    {"action": "shell", "parameters": {"command": "echo hello again"}, "outcome": "hello again\n", "duration_ms": 2},
                ],
            })
            await call("record_again", "record_procedure", {"name": "say_twice", "steps": [{"action": "log", "parameters": {"message": "x"}}]})
            await call("record_invalid", "record_procedure", {"name": "bad_draft", "steps": [{"action": "shelll", "parameters": {"command": "true"}}]})
            await call("run_recorded", "run_procedure", {"name": "say_twice", "inputs": {"word": "yo"}})
            await call("stats", "procedure_stats", {"name": "greet"})
            await call("stats_all", "procedure_stats", {})
            await call("unknown_tool", "no_such_tool", {})
            await call("missing_argument", "show_procedure", {})
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
