import Foundation

/// Runs `body` with a new empty directory under the system's temporary directory, and removes
/// the directory and everything in it afterwards, whether `body` returns or throws: suites run
/// on every build, and files left behind by each run add up.
public func withScratchDirectory<T>(
  _ prefix: String = "essence", _ body: (URL) throws -> T
) throws -> T {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  return try body(directory)
}
