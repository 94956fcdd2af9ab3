/// The platform facts templates and `when` read as `os.name`, `os.arch` and `os.exe_suffix`,
/// fixed when procrun is built.
package enum Platform {
    /// The operating system: `linux` or `macos`.
    package static var name: String {
        #if os(macOS)
            "macos"
        #elseif os(Windows)
            "windows"
        #else
            "linux"
        #endif
    }

    /// The processor architecture: `x86_64` or `arm64`.
    package static var arch: String {
        #if arch(arm64)
            "arm64"
        #else
            "x86_64"
        #endif
    }

    /// What an executable's file name ends with: `""` except on Windows (`.exe`).
    package static var exeSuffix: String {
        #if os(Windows)
            ".exe"
        #else
            ""
        #endif
    }

    /// The `os` root's value.
    package static var value: Value {
        .mapping(["name": .string(name), "arch": .string(arch), "exe_suffix": .string(exeSuffix)])
    }

    /// The `os` root's shape, for checking before the run.
    package static let shape = NameShape.object(["name": .value(.string), "arch": .value(.string), "exe_suffix": .value(.string)])
}
