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
    #expect(file.fields.map(\.kind) == [.string, .string, .number, .string, .string, .string, .string, .string, .time,
      .duration, .list, .map, .any, .bool])
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
}
