import Foundation

/// `shared/<relative>` beside the package root at `root` or beside one of its ancestors, when
/// it exists: a clone has `../shared` beside it, a worktree under `/work/wt/<name>` finds
/// `/work/shared`.
public func sharedPath(_ relative: String, from root: String) -> String? {
  var directory = URL(fileURLWithPath: root).standardized
  while directory.path != "/" {
    let candidate = directory.deletingLastPathComponent().appendingPathComponent("shared/" + relative).path
    if FileManager.default.fileExists(atPath: candidate) { return candidate }
    directory.deleteLastPathComponent()
  }
  return nil
}
