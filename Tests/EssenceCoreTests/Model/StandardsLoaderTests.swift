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
}
