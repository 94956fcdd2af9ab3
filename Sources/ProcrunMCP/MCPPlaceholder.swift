public import MCP
