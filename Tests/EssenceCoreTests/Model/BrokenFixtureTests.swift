import EssenceCore
import Foundation
import Testing

/// Every file in `Fixtures/standards/broken/` must produce exactly the diagnostics written in
/// its sibling `.diagnostics` file (text format, without the path).
@Suite struct BrokenFixtureTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var testDescription: String { name }
  }

  static let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/standards").path ?? ""

  static func names(in folder: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  static let broken = names(in: "broken").map(Case.init)
  static let valid = names(in: "valid").map(Case.init)

  @Test func thereAreEnoughBrokenFixtures() {
    #expect(Self.broken.count >= 30)
  }

  @Test(arguments: broken)
  func brokenFixtureProducesItsDiagnostics(_ fixture: Case) throws {
    let path = Self.directory + "/broken/\(fixture.name).yaml"
    let expected = try String(contentsOfFile: Self.directory + "/broken/\(fixture.name).diagnostics", encoding: .utf8)
    let result = StandardsLoader.loadSet(paths: [path])
    let rendered = TextDiagnosticRenderer().render(result.diagnostics).replacingOccurrences(of: path + ":", with: "")
    #expect(rendered == expected)
    let hasErrors = result.diagnostics.contains { $0.severity == .error }
    #expect((result.set == nil) == hasErrors, "a set is built exactly when there is no error")
  }

  /// A valid fixture builds a set; it may carry warnings, listed in its `.diagnostics` file.
  @Test(arguments: valid)
  func validFixtureBuildsASet(_ fixture: Case) throws {
    let path = Self.directory + "/valid/\(fixture.name).yaml"
    let expected =
      (try? String(contentsOfFile: Self.directory + "/valid/\(fixture.name).diagnostics", encoding: .utf8)) ?? ""
    let result = StandardsLoader.loadSet(paths: [path])
    #expect(
      TextDiagnosticRenderer().render(result.diagnostics).replacingOccurrences(of: path + ":", with: "") == expected)
    #expect(result.set != nil)
  }
}
