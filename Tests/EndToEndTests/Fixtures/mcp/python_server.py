#!/usr/bin/env python3
"""An MCP server on the official Python SDK (PyPI's `mcp`), for testing procrun's `mcp` steps."""
try:
    from mcp.server.mcpserver import MCPServer as Server  # mcp 2.x
except ImportError:
    from mcp.server.fastmcp import FastMCP as Server  # mcp 1.x

server = Server("python-test")


@server.tool()
def add(a: int, b: int) -> int:
    """Adds two integers."""
    return a + b


@server.tool()
def shout(text: str) -> str:
    """Upper-cases text."""
    return text.upper()


if __name__ == "__main__":
    server.run()
