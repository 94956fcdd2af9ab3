import Glibc
import ProcrunText

/// procrun reads its command line as UTF-8, and refuses an argument that is not.
///
/// Swift's `CommandLine.arguments` silently replaces invalid bytes with U+FFFD, so a value given
/// with `--set` would arrive changed; procrun says so instead, before anything runs.
package enum CommandLineEncoding {
    /// The process's arguments after the program's name, as the bytes the kernel passed.
    package static func rawArguments() -> [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
        }
    }

    /// The error for the first argument that is not valid UTF-8, or nil when all are.
    package static func problem(in arguments: [[UInt8]]) -> Diagnostic? {
        for argument in arguments where String(validating: argument, as: UTF8.self) == nil {
            var shown = ""
            var firstBad: UInt8?
            var offset = 0
            var parser = Unicode.UTF8.ForwardParser()
            var bytes = argument.makeIterator()
            parsing: while true {
                switch parser.parseScalar(from: &bytes) {
                case .valid(let encoded):
                    let scalar = Unicode.UTF8.decode(encoded)
                    shown += scalar.value < 0x20 || scalar.value == 0x7F ? "\\x" + hex(UInt8(scalar.value)) : String(scalar)
                    offset += encoded.count
                case .error(let length):
                    firstBad = firstBad ?? argument[offset]
                    for byte in argument[offset..<offset + length] { shown += "\\x" + hex(byte) }
                    offset += length
                case .emptyInput:
                    break parsing
                }
            }
            return Diagnostic(CommandProblem.notUTF8(argument: shown, byte: hex(firstBad ?? 0)))
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + digits : digits
    }
}
