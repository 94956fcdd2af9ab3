import Foundation
import MCP
import ProcrunKit

/// Converts between procrun's ``ProcrunKit/Value`` and the MCP SDK's `Value`.
enum MCPValueBridge {
    /// procrun's value as the SDK's.
    static func sdk(_ value: ProcrunKit.Value) -> MCP.Value {
        switch value {
        case .string(let text): .string(text)
        case .integer(let number): .int(number)
        case .number(let number): .double(number)
        case .boolean(let flag): .bool(flag)
        case .null: .null
        case .list(let items): .array(items.map(sdk))
        case .mapping(let fields): .object(fields.mapValues(sdk))
        }
    }

    /// The SDK's value as procrun's; binary data becomes its base64 text.
    static func procrun(_ value: MCP.Value) -> ProcrunKit.Value {
        switch value {
        case .string(let text): .string(text)
        case .int(let number): .integer(number)
        case .double(let number): .number(number)
        case .bool(let flag): .boolean(flag)
        case .null: .null
        case .data(_, let data): .string(data.base64EncodedString())
        case .array(let items): .list(items.map(procrun))
        case .object(let fields): .mapping(fields.mapValues(procrun))
        }
    }
}
