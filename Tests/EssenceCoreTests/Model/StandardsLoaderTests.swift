import CEL
import EssenceCore
import Foundation
import Testing

@Suite struct StandardsLoaderTests {
  static let fixtures = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/standards").path ?? ""

  @Test func loadsTheSPECExample() throws {
    let (set, diagnostics) = StandardsLoader.load(paths: [Self.fixtures + "/valid/spec-example.yaml"])
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    let loaded = try #require(set)
    let file = try #require(loaded.files.first)
    #expect(file.team == "support-desk")
    #expect(file.standards.map(\.id) == ["lunch-return"])
    #expect(file.signals.map(\.responseWithinNanos) == [600_000_000_000])
    #expect(file.patterns.map(\.threshold) == [3])
    #expect(file.standards.first?.deviations.first?.evidence == ["customer_ref", "note"])
    #expect(Array(loaded.layout.names.prefix(5)) == ["id", "type", "employee", "time", "rings"])
    #expect(loaded.sha256.count == 64)
  }

  @Test func decodesEveryConstruct() throws {
    let result = StandardsLoader.loadSet(paths: [Self.fixtures + "/valid/all-constructs.yaml"])
    let file = try #require(result.set?.files.first)
    #expect(file.description == "A folded description over two lines.\n")
    #expect(file.scope != nil)
    #expect(
      file.fields.map(\.kind) == [
        .string, .string, .number, .string, .string, .string, .string, .string, .time,
        .duration, .list, .map, .any, .bool,
      ])
    let answer = try #require(file.standards.first)
    #expect(answer.on == ["call_answered", "call_transferred"])
    #expect(answer.severity == .major)
    #expect(answer.tags == ["speed", "phone"])
    #expect(answer.rationale == "A caller who waits starts the call already disappointed.\n")
    #expect(answer.purposeChecks.map(\.id) == ["not-rushed", "stays-solved"])
    guard case .relation(let stays) = answer.purposeChecks[1].expect else { return #expect(Bool(false)) }
    #expect(stays.kind == .notFollowedBy && stays.withinNanos == 5_400_000_000_000 && stays.same == ["customer_ref"])
    let overflow = try #require(answer.deviations.first)
    #expect(overflow.evidence == ["note"])
    #expect(overflow.approval == .supervisor)
    #expect(overflow.limit?.source == "event.rings <= 10")
    #expect(answer.examples.map(\.verdict) == ["met", "pending"])
    #expect(answer.examples[1].deviation == "overflow")
    #expect(answer.examples[1].related.first?.map(\.name) == ["type", "ref", "decision", "employee", "time"])
    let kinds = file.standards.dropFirst().compactMap { standard -> Relation.Kind? in
      if case .relation(let r) = standard.expect { return r.kind }
      return nil
    }
    #expect(kinds == [.followedBy, .precededBy, .notPrecededBy])
    guard case .relation(let first) = file.standards[1].expect else { return #expect(Bool(false)) }
    #expect(first.where != nil && first.on == ["first_response", "callback"] && first.withinNanos == 5_400_000_000_000)
    guard case .relation(let late) = file.standards[3].expect else { return #expect(Bool(false)) }
    #expect(late.withinNanos == 250_000_000)
    #expect(file.standards[1].severity == .critical && file.standards[2].severity == .info)
    #expect(file.standards[3].severity == .minor)
    let signal = try #require(file.signals.first)
    #expect(signal.responseBy == .sameEmployee && signal.responseOn == ["assist"] && signal.responseSame == [])
    #expect(signal.severity == .minor && signal.when == nil)
    let pattern = try #require(file.patterns.first)
    #expect(pattern.per == ["employee", "team"] && pattern.threshold == 3 && pattern.withinNanos == 28_800_000_000_000)
    #expect(pattern.examples.first?.event.map(\.name) == ["type", "urgent"])
  }

  @Test func minimalFileDefaults() throws {
    let result = StandardsLoader.loadSet(paths: [Self.fixtures + "/valid/minimal.yaml"])
    let file = try #require(result.set?.files.first)
    #expect(file.standards.isEmpty && file.signals.isEmpty && file.patterns.isEmpty && file.scope == nil)
    #expect(result.set?.layout.names == ["id", "type", "employee", "time"])
  }

  @Test func directoriesAreReadRecursivelyForYAMLSortedByPath() {
    let directory = Self.fixtures + "/sets/duplicate-across"
    let result = StandardsLoader.loadSet(paths: [directory])
    #expect(result.files == [directory + "/a-front.yaml", directory + "/nested/b-back.yml"])
  }

  @Test func ruleIDsAreUniqueAcrossTheSet() {
    let directory = Self.fixtures + "/sets/duplicate-across"
    let result = StandardsLoader.loadSet(paths: [directory])
    #expect(result.set == nil)
    #expect(result.diagnostics.map(\.id) == ["set.duplicate_id"])
    #expect(
      result.diagnostics.first?.location == SourceLocation(path: directory + "/nested/b-back.yml", line: 5, column: 9))
    #expect(
      result.diagnostics.first?.notes.first?.location
        == SourceLocation(path: directory + "/a-front.yaml", line: 5, column: 9))
  }

  @Test func aFieldDeclaredWithTwoKindsAcrossFilesIsAnError() {
    let directory = Self.fixtures + "/sets/field-conflict/"
    let result = StandardsLoader.loadSet(paths: [directory])
    #expect(result.diagnostics.map(\.message) == ["field 'rings' is declared as 'string' here but as 'number' before"])
    #expect(result.diagnostics.first?.notes.first?.location?.path == directory + "a.yaml")
  }

  @Test func oneLayoutForTheWholeSet() throws {
    let a = "essence: 1\nteam: a\npurpose: p\nfields: {rings: number, note: string}\n"
    let b = "essence: 1\nteam: b\npurpose: p\nfields: {note: string, opened: time, wait: duration}\n"
    let set = try #require(StandardsLoader.load(sources: [("b.yaml", Array(b.utf8)), ("a.yaml", Array(a.utf8))]).set)
    #expect(set.files.map(\.path) == ["a.yaml", "b.yaml"])
    #expect(set.layout.names == ["id", "type", "employee", "time", "rings", "note", "opened", "wait"])
    #expect(set.layout.types == [.string, .string, .string, .timestamp, .number, .string, .timestamp, .duration])
  }

  /// SHA-256 over each file in path order: path, NUL, bytes (values computed with Python's hashlib).
  @Test func theSetHashCoversPathsAndBytesInPathOrder() throws {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/valid/minimal.yaml")))
    let one = StandardsLoader.load(sources: [("minimal.yaml", bytes)]).set?.sha256
    #expect(one == "9cc1ca402d7b96ae6be18063005c1372ee0828297d969966ee4cd6c566304a36")
    let two = StandardsLoader.load(sources: [("b.yaml", bytes), ("a.yaml", bytes)]).set?.sha256
    #expect(two == "22a0a137c8aabecef7481ec0be38f0972997c1c867044714163a27f5dbdb734d")
  }

  @Test func missingPathsAreReported() {
    let result = StandardsLoader.loadSet(paths: ["/nonexistent/team.yaml"])
    #expect(result.set == nil)
    #expect(result.diagnostics.map(\.message) == ["cannot read file: no such file"])
  }

  @Test func anEmptyDirectoryIsAnError() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "essence-empty-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = StandardsLoader.loadSet(paths: [directory.path])
    #expect(result.diagnostics.map(\.id) == ["set.no_files"])
    #expect(result.set == nil)
  }

  @Test func warningsAloneStillBuildTheSet() {
    let text = """
      essence: 1
      team: a
      purpose: p
      standards:
        - id: s
          title: t
          on: x
          expect: event.rings <= 3
          rationale: r
      """
    let result = StandardsLoader.load(sources: [("w.yaml", Array(text.utf8))])
    #expect(result.diagnostics.map(\.id) == ["rule.no_deviations", "cel.undeclared_field"])
    #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    #expect(result.set != nil)
  }

  @Test func aFileNamedTwiceIsReadOnce() {
    let path = Self.fixtures + "/valid/minimal.yaml"
    let directory = Self.fixtures + "/sets/duplicate-across"
    let result = StandardsLoader.loadSet(paths: [path, Self.fixtures + "/valid/./minimal.yaml"])
    #expect(result.files == [path])
    let twice = StandardsLoader.loadSet(paths: [directory, directory + "/./a-front.yaml"])
    #expect(twice.files == [directory + "/a-front.yaml", directory + "/nested/b-back.yml"])
    #expect(twice.diagnostics.count == 1)
  }

  @Test func aSecondFileForATeamIsAWarning() {
    let directory = Self.fixtures + "/sets/duplicate-team"
    let result = StandardsLoader.loadSet(paths: [directory])
    #expect(result.diagnostics.map(\.id) == ["set.duplicate_team"])
    #expect(result.diagnostics.first?.location == SourceLocation(path: directory + "/b.yaml", line: 3, column: 7))
    #expect(
      result.diagnostics.first?.notes.first?.location == SourceLocation(path: directory + "/a.yaml", line: 2, column: 7)
    )
    #expect(result.set != nil)
  }
}
