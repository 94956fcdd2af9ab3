/// The parameters of a `write_file` step.
package struct WriteFileCall: Sendable {
    /// Where to write.
    package var path: TemplateField
    /// What to write.
    package var content: TemplateField
    /// Append instead of replacing.
    package var append = false
    /// Permissions for a new file.
    package var mode: UInt32 = 0o644
    /// Create missing parent folders.
    package var createDirectories = false
    /// `outside_library`: the path may lie outside the library folder.
    package var outsideLibrary = false
    /// `library_files`: the path may name the library's own files (`procrun.yaml`, a procedure,
    /// `.procrun/`).
    package var libraryFiles = false
}
