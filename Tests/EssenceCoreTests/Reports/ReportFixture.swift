import EssenceCore
import Foundation
import Testing

/// One shift of a small desk (`Fixtures/reports`) that gets every verdict, judged once for all
/// reporter tests. Paths are given relative (`desk.yaml`, `shift.jsonl`) so snapshots do not
/// depend on where the repository is checked out.
struct ReportFixture: Sendable {
  let set: StandardsSet
  let log: EventLog
  let evaluation: Evaluation

  /// The fixture, loaded once.
  static let shared: Result<ReportFixture, FixtureError> = Result { try ReportFixture() }.mapError {
    FixtureError(message: "\($0)")
  }

  /// Why the fixture could not be loaded.
  struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// The fixture, or the error saying why it could not be loaded.
  static func load() throws -> ReportFixture {
    try shared.get()
  }

  private init() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reports")
    let yaml = try Data(contentsOf: directory.appendingPathComponent("desk.yaml"))
    let loaded = StandardsLoader.load(sources: [(path: "desk.yaml", bytes: [UInt8](yaml))])
    guard let set = loaded.set else { throw FixtureError(message: "desk.yaml does not load: \(loaded.diagnostics)") }
    let shift = try Data(contentsOf: directory.appendingPathComponent("shift.jsonl"))
    let log = try LogReader(standards: set).read(bytes: [UInt8](shift), path: "shift.jsonl", format: .jsonLines)
    self.set = set
    self.log = log
    self.evaluation = Engine(set: set).evaluate(log)
  }

  /// The same shift with `met` findings listed too.
  var evaluationWithMet: Evaluation { Engine(set: set).evaluate(log, options: Engine.Options(includeMet: true)) }

  /// The one finding of `rule` on event `id`, with `met` ones included.
  func finding(_ id: String, _ rule: String) -> Finding? {
    evaluationWithMet.findings.first { $0.event == id && $0.rule == rule }
  }
}
