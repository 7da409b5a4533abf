import EssenceCore
import Testing
import _EssenceTestSupport

/// Markdown for a wiki: tables that reconcile, and findings whose log text cannot break the page.
@Suite struct MarkdownReporterTests {
  @Test func matches_the_snapshot() throws {
    assertSnapshot(MarkdownReporter().generateReport(try ReportFixture.load().evaluation), named: "report.md")
  }

  @Test func reconciles_and_names_the_set() throws {
    let fixture = try ReportFixture.load()
    let markdown = MarkdownReporter().generateReport(fixture.evaluation)
    #expect(markdown.contains(fixture.set.sha256))
    #expect(markdown.contains("| 23 | 22 | 1 | 18 | 4 |"))
    #expect(markdown.contains("`shift.jsonl:17`: missing required field 'employee'"))
  }

  @Test func escapes_what_the_log_wrote() throws {
    let markdown = MarkdownReporter().generateReport(try ReportFixture.load().evaluation)
    #expect(!markdown.contains("<b>"))
    #expect(markdown.contains("&lt;b&gt;now&lt;/b&gt; \\| said"))
  }
}
