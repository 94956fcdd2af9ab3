#!/usr/bin/env python3
"""Starts `procrun mcp` with extra arguments and calls run_procedure once.

Usage: run_client.py PROCRUN LIBRARY NAME [MCP-ARGUMENT...]
Prints one JSON object on standard output: {"is_error": bool, "text": str}.
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(procrun, library, name, extra):
    server = StdioServerParameters(command=procrun, args=["mcp", "--library", library] + extra)
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("run_procedure", {"name": name})
            text = "\n".join(item.text for item in result.content if getattr(item, "type", "") == "text")
            is_error = getattr(result, "isError", getattr(result, "is_error", False))
            print(json.dumps({"is_error": bool(is_error), "text": text}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
