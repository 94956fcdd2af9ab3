/// What saving does when a procedure of the same name already exists.
public enum OverwritePolicy: Sendable, Hashable {
    /// Refuse, saying how to choose (the default: nothing is overwritten silently).
    case refuse
    /// Replace the existing file (`--force`).
    case replace
    /// Save as the next version; the old file is moved to `archive/NAME.vN.yaml` (`--new-version`).
    case newVersion
}
