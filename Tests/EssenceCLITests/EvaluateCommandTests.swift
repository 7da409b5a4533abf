import Foundation
import Testing
import _EssenceTestSupport

/// `essence evaluate` end to end: exit codes, the SPEC §6 JSON, the text report (SPEC §5).
@Suite struct EvaluateCommandTests {
  /// The package root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let fixtures = "Tests/EssenceCoreTests/Fixtures/engine"
  static let standards = fixtures + "/desk.yaml"
  static let log = fixtures + "/desk-shift.jsonl"

  static func evaluate(_ arguments: [String]) throws -> CLIResult {
    try runEssence(["evaluate", "--standards", standards, log] + arguments, in: root)
  }

  /// The JSON report, decoded.
  static func json(_ arguments: [String] = []) throws -> [String: Any] {
    let result = try evaluate(["--format", "json"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  // MARK: - Exit codes

  struct ExitCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var testDescription: String { name }
  }

  static let exitCases: [ExitCase] = [
    ExitCase(name: "done", arguments: ["--standards", standards, log], status: 0),
    ExitCase(
      name: "a minor missed finding reaches --fail-on minor",
      arguments: ["--standards", standards, log, "--fail-on", "minor"], status: 1),
    ExitCase(
      name: "a major missed finding reaches --fail-on major",
      arguments: ["--standards", standards, log, "--fail-on", "major"], status: 1),
    ExitCase(name: "nothing critical", arguments: ["--standards", standards, log, "--fail-on", "critical"], status: 0),
    ExitCase(
      name: "justified does not fail",
      arguments: ["--standards", standards, log, "--fail-on", "info", "--employee", "nobody"], status: 0),
    ExitCase(name: "invalid standards", arguments: ["--standards", fixtures + "/desk-broken.yaml", log], status: 2),
    ExitCase(name: "missing standards file", arguments: ["--standards", fixtures + "/nope.yaml", log], status: 2),
    ExitCase(name: "unreadable log", arguments: ["--standards", standards, fixtures + "/nope.jsonl"], status: 3),
    ExitCase(
      name: "rejected records under --strict", arguments: ["--standards", standards, log, "--strict"], status: 3),
    ExitCase(name: "no --standards", arguments: [log], status: 64),
    ExitCase(name: "no log", arguments: ["--standards", standards], status: 64),
    ExitCase(name: "unknown format", arguments: ["--standards", standards, log, "--format", "xml"], status: 64),
    ExitCase(name: "unknown severity", arguments: ["--standards", standards, log, "--fail-on", "high"], status: 64),
  ]

  @Test(arguments: exitCases) func exitStatus(_ c: ExitCase) throws {
    let result = try runEssence(["evaluate"] + c.arguments, in: Self.root)
    #expect(result.status == c.status, "\(result.stderr)")
  }

  @Test func invalidStandardsPrintDiagnosticsOnStderr() throws {
    let path = Self.fixtures + "/desk-broken.yaml"
    let result = try runEssence(["evaluate", "--standards", path, Self.log], in: Self.root)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("\(path):10:15: error: 'high' is not a severity"))
  }

  @Test func unreadableLogIsNamed() throws {
    let result = try runEssence(
      ["evaluate", "--standards", Self.standards, Self.fixtures + "/nope.jsonl"], in: Self.root)
    #expect(result.stderr.contains("nope.jsonl"))
  }

  // MARK: - JSON

  @Test func jsonFollowsTheSpec() throws {
    let report = try Self.json()
    let standards = try #require(report["standards"] as? [String: Any])
    #expect((standards["sha256"] as? String)?.count == 64)
    #expect(standards["files"] as? [String] == [Self.standards])
    #expect(report["events"] as? [String: Int] == ["read": 7, "evaluated": 5, "rejected": 2, "unjudged": 1])
    let rejected = try #require(report["rejected"] as? [[String: Any]])
    #expect(rejected.map { $0["line"] as? Int } == [7, 8])
    #expect(rejected.allSatisfy { $0["path"] as? String == Self.log })
    let findings = try #require(report["findings"] as? [[String: Any]])
    #expect(
      findings.map { "\($0["event"] ?? "") \($0["verdict"] ?? "")" } == ["b-2 justified", "b-3 missed", "c-1 missed"])
    let justified = findings[0]
    #expect(justified["deviation"] as? String == "helping-a-customer")
    #expect(justified["kind"] as? String == "standard")
    #expect(justified["severity"] as? String == "minor")
    #expect((justified["because"] as? String)?.isEmpty == false)
    let source = try #require(justified["source"] as? [String: Any])
    #expect(source["path"] as? String == Self.standards)
    #expect(source["line"] as? Int == 11)
    #expect(findings[2]["time"] as? String == "2026-11-21T15:05:00+01:00")
    #expect(findings[1]["deviation"] == nil)
    let summary = try #require(report["summary"] as? [String: Any])
    #expect(summary["by_verdict"] as? [String: Int] == ["met": 1, "justified": 1, "missed": 2])
    #expect(
      summary["by_employee"] as? [String: [String: Int]] == [
        "ana": ["met": 1, "missed": 1], "ben": ["justified": 1, "missed": 1],
      ])
    #expect(
      summary["by_rule"] as? [String: [String: Int]] == [
        "lunch-return": ["met": 1, "justified": 1, "missed": 1], "answer-speed": ["missed": 1],
      ])
  }

  @Test func jsonKeysComeInTheSpecOrder() throws {
    let text = try Self.evaluate(["--format", "json"]).stdout
    func ordered(_ keys: [String], _ line: Substring) -> Bool {
      let positions = keys.compactMap { line.range(of: "\"\($0)\"")?.lowerBound }
      return positions.count == keys.count && positions == positions.sorted()
    }
    let whole = Substring(text)
    #expect(ordered(["standards", "events", "rejected", "findings", "summary"], whole))
    #expect(ordered(["by_verdict", "by_employee", "by_rule"], whole))
    #expect(ordered(["read", "evaluated", "rejected", "unjudged"], whole))
    let finding = try #require(text.split(separator: "\n").first { $0.contains("\"b-2\"") })
    #expect(
      ordered(
        ["event", "employee", "time", "rule", "kind", "verdict", "severity", "deviation", "because", "source"], finding)
    )
    let verdicts = try #require(text.split(separator: "\n").first { $0.contains("\"by_verdict\"") })
    #expect(ordered(["met", "justified", "missed"], verdicts))
    // by_rule in set order, every rule listed.
    #expect(
      ordered(
        ["lunch-return", "answer-speed"], Substring(try #require(text.components(separatedBy: "\"by_rule\"").last))))
  }

  @Test func includeMetListsMetFindings() throws {
    let findings = try #require(try Self.json(["--include-met"])["findings"] as? [[String: Any]])
    #expect(findings.map { $0["event"] as? String } == ["b-1", "b-2", "b-3", "c-1"])
  }

  @Test func employeeFiltersFindingsAndTheirTally() throws {
    let report = try Self.json(["--employee", "ana"])
    let findings = try #require(report["findings"] as? [[String: Any]])
    #expect(findings.map { $0["event"] as? String } == ["b-3"])
    let summary = try #require(report["summary"] as? [String: Any])
    #expect(summary["by_employee"] as? [String: [String: Int]] == ["ana": ["met": 1, "missed": 1]])
  }

  @Test func outputWritesTheReportToAFile() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("essence-evaluate-\(UUID()).json").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    let result = try Self.evaluate(["--format", "json", "--output", file])
    #expect(result.status == 0)
    #expect(result.stdout == "")
    let data = try #require(FileManager.default.contents(atPath: file))
    #expect((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["summary"] != nil)
  }

  /// `--output` writes where the path leads, as a shell's `>` does: through a symbolic link,
  /// which stays a link (a file written aside and renamed over the path replaced the link, and
  /// run as root replaced a device such as `/dev/full` with a file), over a longer old file.
  @Test func outputWritesThroughALinkAndOverAnOldFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("essence-output-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/report.json"
    let link = directory + "/latest.json"
    try String(repeating: "old report\n", count: 10_000).write(toFile: target, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let result = try Self.evaluate(["--format", "json", "--output", link])
    #expect(result.status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    let data = try #require(FileManager.default.contents(atPath: target))
    #expect((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["summary"] != nil)
  }

  /// A report cut short (here by a full device) is an error, not a success.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
  func reportThatCannotBeWrittenExitsOne() throws {
    let process = Process()
    process.executableURL = essenceExecutableURL()
    process.arguments = ["evaluate", "--standards", Self.standards, Self.log, "--format", "json"]
    process.currentDirectoryURL = URL(fileURLWithPath: Self.root)
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let err = Pipe()
    process.standardError = err
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(stderr == "error: cannot write the report: no space left on device\n")
  }

  // MARK: - Text

  @Test func textReconcilesAndListsWhatNeedsAttention() throws {
    let result = try Self.evaluate([])
    #expect(result.status == 0)
    let text = result.stdout
    #expect(text.contains("events     7 read = 5 evaluated + 2 rejected; 1 unjudged"))
    #expect(text.contains("verdicts   met 1  justified 1  missed 2"))
    #expect(text.contains("in their words: \"jump-started a car\""))
    #expect(text.contains("it served: A customer in need came before the schedule."))
    #expect(text.contains("missed: the letter broken with no deviation (talk) (2)"))
    #expect(text.contains("event.rings <= 3 failed (rings = 5)"))
    #expect(text.contains("\(Self.log):7: invalid JSON") || text.contains("\(Self.log):7: "))
    #expect(text.contains("\(Self.log):8: "))
    // Recognition comes before coaching.
    let justified = try #require(text.range(of: "justified: deviations"))
    let missed = try #require(text.range(of: "missed: the letter"))
    #expect(justified.lowerBound < missed.lowerBound)
  }
}
