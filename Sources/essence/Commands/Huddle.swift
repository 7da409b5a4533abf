import ArgumentParser
import EssenceCore

extension EssenceCommand {
  /// `essence huddle --standards PATH... LOG...`: Markdown for the daily meeting.
  struct Huddle: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "huddle",
      abstract: "Write Markdown for the daily huddle: recognition first, then standards to revisit.",
      discussion: """
        Recognition stories (justified deviations and answered signals, in the employee's own words, \
        with what they served and the team's purpose), then the standards whose letter the team keeps \
        setting aside for good reasons. Coaching items are listed only with --coaching, since praise \
        is public and coaching is private. Exits 2 for invalid standards, 3 for an unreadable log.
        """)

    @OptionGroup var standards: StandardsOptions
    @OptionGroup var logs: LogOptions

    @Option(help: ArgumentHelp("Write the Markdown to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "Also list coaching items (robotic, missed, unjustified, unanswered, pending), for a private copy.")
    var coaching = false

    func run() throws {
      let set = try standards.load()
      // The huddle quotes only `note` beyond what judging reads (`fieldsRead` keeps it).
      let engine = Engine(set: set)
      let log = try logs.read(judgedBy: engine, for: set)
      var report = HuddleReporter(coaching: coaching).generateReport(engine.evaluate(log))
      try OutputOptions.write(to: output) { report.withUTF8($0) }
    }
  }
}
