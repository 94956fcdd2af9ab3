#!/usr/bin/env python3
"""Calls tools of `procrun mcp` with the official Python MCP client (the `mcp` package from PyPI).

Usage: calls.py PROCRUN LIBRARY CALLS_JSON
CALLS_JSON is a list of [label, tool, arguments]. Prints one JSON object on standard output:
  {label: {"is_error": bool, "text": str, "structured": object or null}}
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(procrun, library, calls):
    server = StdioServerParameters(command=procrun, args=["mcp", "--library", library])
    out = {}
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            for label, tool, arguments in calls:
                result = await session.call_tool(tool, arguments)
                text = "\n".join(item.text for item in result.content if getattr(item, "type", "") == "text")
                is_error = getattr(result, "isError", getattr(result, "is_error", False))
                structured = getattr(result, "structuredContent", getattr(result, "structured_content", None))
                out[label] = {"is_error": bool(is_error), "text": text, "structured": structured}
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], json.loads(sys.argv[3])))
