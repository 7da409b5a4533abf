#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Every path below a directory, relative to it, as Foundation's
/// `FileManager.enumerator(atPath:)` listed them (an `fts` walk that follows no symbolic link
/// and stays on the directory's file system), which the standards loader read directories with.
///
/// Here because FoundationEssentials has no enumerator, and its `subpathsOfDirectory(atPath:)`
/// gives up on the whole directory when one directory below it cannot be read, where the
/// enumerator listed the rest.
enum DirectoryListing {
  /// The paths below `root`, in no order: none when `root` is not a directory (a symbolic link
  /// to one included) or cannot be read. A directory that cannot be read is listed without what
  /// it holds; one on another file system is listed and not entered.
  static func paths(under root: String) -> [String] {
    var top = stat()
    guard lstat(root, &top) == 0, top.st_mode & S_IFMT == S_IFDIR else { return [] }
    var found: [String] = []
    walk(root, prefix: "", above: [top], into: &found)
    return found
  }

  /// Lists what `directory` holds after `prefix`, and what its directories hold; `above` are
  /// the directories walked down to it, the top one first.
  private static func walk(_ directory: String, prefix: String, above: [stat], into found: inout [String]) {
    guard let stream = opendir(directory) else { return }
    defer { closedir(stream) }
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      let path = directory + "/" + name
      // An entry its directory says is no directory is taken at its word, as fts takes it; one
      // that cannot be looked at (gone since) is left out, as fts leaves it.
      let mayBeDirectory = entry.pointee.d_type == DT_DIR || entry.pointee.d_type == DT_UNKNOWN
      var info = stat()
      if mayBeDirectory && lstat(path, &info) != 0 { continue }
      let isDirectory = mayBeDirectory && info.st_mode & S_IFMT == S_IFDIR
      // A directory that is one of those above it (a bind mount) is a cycle, which fts skips.
      if isDirectory && above.contains(where: { $0.st_dev == info.st_dev && $0.st_ino == info.st_ino }) { continue }
      found.append(prefix + name)
      if isDirectory && info.st_dev == above[0].st_dev {
        walk(path, prefix: prefix + name + "/", above: above + [info], into: &found)
      }
    }
  }
}
