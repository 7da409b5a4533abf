import Foundation

/// What one run of the `essence` binary printed and how it exited.
public struct CLIResult: Sendable {
  /// Everything written to stdout.
  public var stdout: String
  /// Everything written to stderr.
  public var stderr: String
  /// The exit status.
  public var status: Int32
}

/// The built `essence` binary: `swift test` builds it next to the test bundle.
public func essenceExecutableURL() -> URL {
  var directory = Bundle.main.bundleURL
  if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
  return directory.appendingPathComponent("essence")
}

/// Runs `essence` with arguments (from `directory`, when given) and collects its output.
public func runEssence(_ arguments: [String], in directory: String? = nil) throws -> CLIResult {
  let process = Process()
  process.executableURL = essenceExecutableURL()
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Drain stderr on another thread while reading stdout, so neither pipe can fill and block.
  let stderrBox = DataBox()
  let group = DispatchGroup()
  DispatchQueue.global().async(group: group) { stderrBox.data = err.fileHandleForReading.readDataToEndOfFile() }
  let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  let stderrData = stderrBox.data
  process.waitUntilExit()
  return CLIResult(
    stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
    status: process.terminationStatus)
}

/// Bytes filled in by one thread and read after it finished (the group's wait orders them).
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
