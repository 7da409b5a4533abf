import Foundation
import Testing

/// Compares a report with `Snapshots/<name>` beside the calling test file.
///
/// With `RECORD_SNAPSHOTS=1` in the environment (or when the file does not exist yet) the
/// report is written instead, and the test fails on purpose so a recording is never mistaken
/// for a pass: read the new file, then run again without the variable. JSON is compared after
/// decoding, so key order and spacing do not matter.
public func assertSnapshot(
  _ actual: String, named name: String, json: Bool = false, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = directory.appendingPathComponent(name)
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
  guard !recording, let data = FileManager.default.contents(atPath: file.path) else {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: file)
      Issue.record(
        "recorded snapshot '\(name)'; read it, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
    } catch {
      Issue.record("cannot write snapshot '\(file.path)': \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  if json {
    let decode = { (text: String) in
      try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
    guard let a = decode(actual) as? NSObject, let e = decode(expected) as? NSObject else {
      Issue.record("snapshot '\(name)' or the report is not JSON", sourceLocation: sourceLocation)
      return
    }
    if a.isEqual(e) { return }
  } else if actual == expected {
    return
  }
  Issue.record(
    "report differs from snapshot '\(name)' (re-record with RECORD_SNAPSHOTS=1):\n\(firstDifference(expected, actual))",
    sourceLocation: sourceLocation)
}

/// The first line where two texts differ, with its number, for a readable failure.
private func firstDifference(_ expected: String, _ actual: String) -> String {
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  for i in 0..<max(e.count, a.count) {
    let left = i < e.count ? String(e[i]) : "<end>"
    let right = i < a.count ? String(a[i]) : "<end>"
    if left != right { return "line \(i + 1):\n  snapshot: \(left)\n  report:   \(right)" }
  }
  return "(they differ only in line ends)"
}
