#!/usr/bin/env python3
"""Calls run_procedure through the official Python MCP client with and without progress.

Usage: progress_client.py PROCRUN LIBRARY NAME
Runs NAME three times: with a progress callback, without one, and with a progress callback after
logging/setLevel critical. Prints one JSON object on standard output:
  {"progress": [[progress, total, message], ...], "logs": [{"level", "logger", "data"}],
   "notifications": {"progress": [...], "none": [...], "critical": [...]},
   "critical_progress": n, "critical_logs": n, "is_error": [bool, bool, bool]}
where notifications lists the methods of the notifications received during each call.
"""
import asyncio
import json
import sys
import warnings

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


# The 2026-07-28 revision of MCP deprecates logging; procrun serves the revisions before it.
warnings.filterwarnings("ignore", message="The logging capability is deprecated")


async def main(procrun, library, name):
    server = StdioServerParameters(command=procrun, args=["mcp", "--library", library])
    out = {"progress": [], "logs": [], "notifications": {}, "is_error": []}
    received = []
    logs = []

    async def on_log(params):
        logs.append({"level": str(getattr(params.level, "value", params.level)), "logger": params.logger, "data": params.data})

    async def on_message(message):
        method = getattr(message, "method", None)
        if method is None and hasattr(message, "root"):
            method = getattr(message.root, "method", None)
        if isinstance(method, str):
            received.append(method)

    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write, logging_callback=on_log, message_handler=on_message) as session:
            await session.initialize()

            async def run(label, progress):
                received.clear()
                result = await session.call_tool("run_procedure", {"name": name}, progress_callback=progress)
                # A round trip after the reply: every notification sent before it has been handled.
                await session.send_ping()
                out["notifications"][label] = list(received)
                out["is_error"].append(bool(getattr(result, "is_error", getattr(result, "isError", False))))

            async def on_progress(progress, total, message):
                out["progress"].append([progress, total, message])

            await run("progress", on_progress)
            out["logs"] = list(logs)
            await run("none", None)
            await session.set_logging_level("critical")
            logs.clear()
            counted = []

            async def count(progress, total, message):
                counted.append(message)

            await run("critical", count)
            out["critical_progress"] = len(counted)
            out["critical_logs"] = len(logs)
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
