import EssenceCore
import Foundation
import Testing
import _EssenceTestSupport

/// SPEC §5 huddle: recognition first, then standards to revisit; coaching only when asked.
@Suite struct HuddleReporterTests {
  func huddle(coaching: Bool) throws -> String {
    HuddleReporter(coaching: coaching).generateReport(try ReportFixture.load().evaluation)
  }

  @Test func matches_the_snapshots() throws {
    assertSnapshot(try huddle(coaching: false), named: "huddle.md")
    assertSnapshot(try huddle(coaching: true), named: "huddle-coaching.md")
  }

  @Test func puts_recognition_first_in_the_employees_own_words() throws {
    let text = try huddle(coaching: false)
    let recognition = try #require(text.range(of: "## Recognition"))
    let revisit = try #require(text.range(of: "## Standards worth revisiting"))
    #expect(recognition.lowerBound < revisit.lowerBound)
    #expect(text.contains("In ana's words: \u{201C}jump-started a customer's car\u{201D}"))
    #expect(text.contains("It served: A customer in need came before the schedule."))
    #expect(text.contains("*The needs of the customer come first.*"))
    // The answered signal is the responder's story, with the responder's note.
    #expect(text.contains("**ben** answered *A customer at risk hears back within two hours*"))
    #expect(text.contains("called back and upgraded her shipping"))
    #expect(text.contains(try ReportFixture.load().set.sha256))
  }

  @Test func keeps_coaching_private_unless_asked() throws {
    let open = try huddle(coaching: false)
    #expect(!open.contains("## Coaching"))
    #expect(!open.contains("robotic"))
    #expect(open.contains("9 coaching items are not listed here"))
    let coaching = try huddle(coaching: true)
    #expect(coaching.contains("## Coaching (private)"))
    for verdict in ["robotic", "missed", "unjustified", "unanswered", "pending"] {
      #expect(coaching.contains("**\(verdict)**"))
    }
  }

  @Test func names_a_standard_the_team_keeps_setting_aside() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let set = try #require(StandardsLoader.load(paths: [root.appendingPathComponent("Standards").path]).set)
    let log = try LogReader(standards: set).read(
      paths: [root.appendingPathComponent("Examples/clinic-reception/shift.jsonl").path])
    let text = HuddleReporter().generateReport(Engine(set: set).evaluate(log))
    #expect(
      text.contains(
        "- `cr-break-return` (Return from breaks on time): deviated from with justification in 2 of 3 judged "
          + "events (67%). A letter set aside this often"))
    #expect(!text.contains("- `cr-arrival-acknowledged` ("))  // one justified deviation in 8 is not a pattern
  }

  @Test func gives_each_deviated_standard_its_rate() throws {
    let text = try huddle(coaching: false)
    #expect(text.contains("| `goodwill-credit` | 4 | 1 | 1 | 1 | 25% |"))
    #expect(text.contains("| `lunch-return` | 2 | 1 | 0 | 0 | 50% |"))
  }
}
