import Foundation
import Testing
import _EssenceTestSupport

/// `essence validate` and `essence schema` end to end: output streams and exit codes (SPEC §5).
@Suite struct ValidateCommandTests {
  /// The package root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let fixtures = "Tests/EssenceCoreTests/Fixtures/standards"

  @Test func validFileExitsZeroAndSaysSoOnStderr() throws {
    let result = try runEssence(["validate", Self.fixtures + "/valid/minimal.yaml"], in: Self.root)
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("1 file valid (sha256 "))
  }

  @Test func errorsExitOneWithDiagnosticsOnStderr() throws {
    let path = Self.fixtures + "/broken/schema-bad-severity.yaml"
    let result = try runEssence(["validate", path], in: Self.root)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        \(path):10:15: error: 'high' is not a severity; expected 'info', 'minor', 'major' or 'critical' [schema.bad_severity]
        1 file: 1 error

        """)
  }

  @Test func annotatedStyleQuotesTheLine() throws {
    let path = Self.fixtures + "/broken/schema-bad-severity.yaml"
    let result = try runEssence(["validate", "--diagnostics-style", "annotated", path], in: Self.root)
    #expect(result.stderr.contains("\n  10 |     severity: high\n     |               ^\n"))
  }

  @Test func warningsAloneExitZeroUnlessStrict() throws {
    let path = Self.fixtures + "/broken/rule-no-deviations.yaml"
    #expect(try runEssence(["validate", path], in: Self.root).status == 0)
    let strict = try runEssence(["validate", "--strict", path], in: Self.root)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains(": error: standard 'lunch-return' has no deviations"))
  }

  @Test func reportsGoToStdout() throws {
    let path = Self.fixtures + "/broken/set-duplicate-id.yaml"
    for format in ["json", "sarif", "github"] {
      let result = try runEssence(["validate", "--format", format, path], in: Self.root)
      #expect(result.status == 1, "\(format)")
      #expect(result.stderr == "", "\(format)")
      #expect(result.stdout.contains("set.duplicate_id"), "\(format)")
    }
    let json = try runEssence(["validate", "--format", "json", Self.fixtures + "/valid/minimal.yaml"], in: Self.root)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let standards = object?["standards"] as? [String: Any]
    #expect((standards?["sha256"] as? String)?.count == 64)
    #expect(standards?["files"] as? [String] == [Self.fixtures + "/valid/minimal.yaml"])
  }

  @Test func usageErrorsExit64() throws {
    #expect(try runEssence(["validate"], in: Self.root).status == 64)
    #expect(try runEssence(["validate", "--format", "xml", "a.yaml"], in: Self.root).status == 64)
  }

  @Test func schemaPrintsTheCommittedFile() throws {
    let result = try runEssence(["schema"], in: Self.root)
    #expect(result.status == 0)
    let committed = try String(contentsOfFile: Self.root + "/essence.schema.json", encoding: .utf8)
    #expect(result.stdout == committed)
  }
}
