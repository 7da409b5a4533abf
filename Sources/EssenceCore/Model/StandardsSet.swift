import CEL

/// Every standards file given to one run, loaded and compiled together.
///
/// Rule ids are unique across the set, and all files share one event layout (the union
/// of their `fields:`), so each event is read once for every rule.
public struct StandardsSet: Sendable {
  /// The files, sorted by path.
  public var files: [StandardsFile]
  /// SHA-256 (hex) over the files' paths and bytes, so a verdict can be traced to the exact
  /// standards that made it.
  public var sha256: String
  /// The event layout every condition was compiled against.
  public var layout: RecordLayout
}
