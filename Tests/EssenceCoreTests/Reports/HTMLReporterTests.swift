import EssenceCore
import Foundation
import Testing
import _EssenceTestSupport

/// One self-contained page: no network, no script, everything escaped, every finding explained.
@Suite struct HTMLReporterTests {
  @Test func matches_the_snapshot() throws {
    assertSnapshot(HTMLReporter().generateReport(try ReportFixture.load().evaluation), named: "report.html")
  }

  @Test func is_self_contained_and_runs_nothing() throws {
    let html = HTMLReporter().generateReport(try ReportFixture.load().evaluation)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<link") && !html.contains("src="))
    // The only URL is the SVG namespace, which is a name, not a fetch.
    let urls = html.components(separatedBy: "http").count - 1
    #expect(urls == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
  }

  @Test func escapes_the_employee_note() throws {
    let html = HTMLReporter().generateReport(try ReportFixture.load().evaluation)
    #expect(!html.contains("<b>now</b>"))
    #expect(html.contains("&lt;b&gt;now&lt;/b&gt; | said &quot;get out&quot; first"))
  }

  @Test func explains_every_finding_one_click_away() throws {
    let evaluation = try ReportFixture.load().evaluation
    let html = HTMLReporter().generateReport(evaluation)
    #expect(html.components(separatedBy: "<details id=").count - 1 == evaluation.findings.count)
    for i in 1...evaluation.findings.count { #expect(html.contains("href=\"#f-\(i)\"")) }
  }

  @Test func draws_a_bar_per_rule_and_a_timeline_row_per_employee() throws {
    let html = HTMLReporter().generateReport(try ReportFixture.load().evaluation)
    for rule in ["lunch-return", "call-greeting", "goodwill-credit", "first-reply", "customer-at-risk", "passing-off"] {
      #expect(html.contains("title=\"\(rule): "))
    }
    for employee in ["ana", "ben", "cy"] {
      #expect(html.contains("<text class=\"who\" x=\"8\"") && html.contains(">\(employee)</text>"))
    }
  }

  @Test func leads_with_what_to_celebrate_review_and_talk_about() throws {
    let html = HTMLReporter().generateReport(try ReportFixture.load().evaluation)
    // justified 3 + answered 1; pending 1 + error 1; robotic 3 + unjustified 1 + missed 3 + unanswered 1.
    #expect(html.contains("href=\"#celebrate\"><div class=\"n\">4</div>"))
    #expect(html.contains("href=\"#review\"><div class=\"n\">2</div>"))
    #expect(html.contains("href=\"#talk\"><div class=\"n\">8</div>"))
    #expect(html.contains("<h3 id=\"celebrate\">To celebrate (4)</h3>"))
  }

  @Test func caps_what_it_draws_but_counts_the_rest() throws {
    let evaluation = try ReportFixture.load().evaluation
    let html = HTMLReporter(findingLimit: 3).generateReport(evaluation)
    #expect(html.components(separatedBy: "<details id=").count - 1 == 3)
    #expect(html.contains("\(evaluation.findings.count - 3) more findings are not shown"))
    #expect(html.contains("the first 3 of \(evaluation.findings.count) findings"))
  }
}
