// The library's Swift API is declared in the targets below ProcrunKit: `import ProcrunKit` brings
// all of it, as before they were split.
@_exported public import ProcrunLanguage
@_exported public import ProcrunMemory
@_exported public import ProcrunRuntime
@_exported public import ProcrunSystem
@_exported public import ProcrunText
