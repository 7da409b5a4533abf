import Foundation
import Testing
import _EssenceTestSupport

@testable import EssenceCore

/// Standards directories are listed as Foundation's directory enumerator listed them.
@Suite struct DirectoryListingTests {
  /// A tree of files, directories and symbolic links under `dir`.
  static func makeTree(in dir: URL) throws {
    let files = FileManager.default
    for path in ["sub/deeper", "empty"] {
      try files.createDirectory(at: dir.appendingPathComponent(path), withIntermediateDirectories: true)
    }
    for path in ["a.yaml", ".hidden.yaml", "sub/b.yml", "sub/deeper/c.yaml"] {
      #expect(files.createFile(atPath: dir.appendingPathComponent(path).path, contents: Data("x: 1\n".utf8)))
    }
    try files.createSymbolicLink(atPath: dir.appendingPathComponent("link.yaml").path, withDestinationPath: "sub/b.yml")
    try files.createSymbolicLink(atPath: dir.appendingPathComponent("linkdir").path, withDestinationPath: "sub")
    try files.createSymbolicLink(atPath: dir.appendingPathComponent("gone.yaml").path, withDestinationPath: "/nonexistent")
  }

  /// Every entry below, hidden ones and links too; a link to a directory is not entered.
  @Test func listsEveryEntryBelowWithoutFollowingLinks() throws {
    try withScratchDirectory { dir in
      try Self.makeTree(in: dir)
      #expect(
        DirectoryListing.paths(under: dir.path).sorted() == [
          ".hidden.yaml", "a.yaml", "empty", "gone.yaml", "link.yaml", "linkdir", "sub", "sub/b.yml", "sub/deeper",
          "sub/deeper/c.yaml",
        ])
      #expect(DirectoryListing.paths(under: dir.path + "/sub/").sorted() == ["b.yml", "deeper", "deeper/c.yaml"])
    }
  }

  /// A link to a directory, a file and a missing path list nothing.
  @Test func listsNothingUnderAnythingButADirectory() throws {
    try withScratchDirectory { dir in
      try Self.makeTree(in: dir)
      for path in ["linkdir", "a.yaml", "missing"] {
        #expect(DirectoryListing.paths(under: dir.appendingPathComponent(path).path).isEmpty, "\(path)")
      }
    }
  }

  /// A directory that cannot be read is listed without what it holds, and the rest still is
  /// (root reads every directory, so this needs another user).
  @Test(.enabled(if: geteuid() != 0, "root can read any directory"))
  func listsAroundADirectoryThatCannotBeRead() throws {
    try withScratchDirectory { dir in
      try Self.makeTree(in: dir)
      let locked = dir.appendingPathComponent("sub/deeper").path
      try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
      defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
      let listed = DirectoryListing.paths(under: dir.path)
      #expect(listed.contains("sub/deeper") && !listed.contains("sub/deeper/c.yaml") && listed.contains("sub/b.yml"))
    }
  }
}
