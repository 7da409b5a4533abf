import CEL
import EssenceCore
import Testing

/// A reader made from a standards set types CSV cells by the set's `fields:`.
@Suite struct StandardsReaderTests {
  @Test func csvCellsFollowTheSetsDeclarations() throws {
    let standards = """
      essence: 1
      team: desk
      purpose: Callers first.
      fields:
        rings: number
        ticket_id: string
        customer_confirmed: bool
      standards:
        - id: answer-speed
          title: Answer quickly
          on: call_answered
          expect: event.rings <= 3
          rationale: Waiting callers start the call disappointed.
          deviations:
            - id: overflow
              when: event.queue == 'overflow'
              serves: Overflow calls are taken by whoever is free.
      """
    let loaded = StandardsLoader.load(sources: [(path: "desk.yaml", bytes: Array(standards.utf8))])
    let set = try #require(loaded.set, "\(loaded.diagnostics)")
    let reader = LogReader(standards: set)
    #expect(reader.layout === set.layout)
    let csv = """
      time,type,employee,rings,ticket_id,customer_confirmed,other
      2026-11-21T09:00:00Z,call_answered,ana,2,00042,true,5

      """
    let log = try reader.read(bytes: Array(csv.utf8), path: "s.csv", format: .csv)
    let record = try #require(log.events.first).record
    #expect(record.field("rings")?.testDescription == "int(2)")
    #expect(record.field("ticket_id")?.testDescription == "string(00042)")
    #expect(record.field("customer_confirmed")?.testDescription == "bool(true)")
    #expect(record.field("other")?.testDescription == "int(5)")
    let slot = try #require(set.layout.slot(of: "rings"))
    #expect(record.value(atSlot: slot)?.testDescription == "int(2)")
  }
}
