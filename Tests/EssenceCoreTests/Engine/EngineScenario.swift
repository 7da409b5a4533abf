import CEL
import EssenceCore
import Testing

/// A field value written as a literal in a test (`"lunch"`, `65`, `6.5`, `true`, `nil`).
enum F: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral
{
  case value(Value)

  init(stringLiteral value: String) { self = .value(.string(value)) }
  init(integerLiteral value: Int64) { self = .value(.int(value)) }
  init(floatLiteral value: Double) { self = .value(.double(value)) }
  init(booleanLiteral value: Bool) { self = .value(.bool(value)) }
  init(nilLiteral: ()) { self = .value(.null) }
  init(arrayLiteral elements: F...) { self = .value(.list(elements.map(\.cel))) }

  var cel: Value {
    switch self {
    case .value(let v): v
    }
  }
}

/// An event written in a test: id, type, time (`"13:05"` is 2026-11-21T13:05:00Z), employee, fields.
struct E {
  var id: String
  var type: String
  var time: String
  var employee: String
  var fields: KeyValuePairs<String, F>

  init(
    _ id: String, _ type: String, _ time: String, by employee: String = "ana", _ fields: KeyValuePairs<String, F> = [:]
  ) {
    self.id = id
    self.type = type
    self.time = time.contains("T") ? time : "2026-11-21T\(time.count == 5 ? time + ":00" : time)Z"
    self.employee = employee
    self.fields = fields
  }
}

/// A standards set and a log built in a test, judged by the engine.
struct Scenario {
  let set: StandardsSet
  let log: EventLog
  let evaluation: Evaluation

  /// Loads `rules` (YAML for `standards:`/`signals:`/`patterns:`, after a file header with
  /// `scope`) and judges `events` in the order given.
  init(
    _ rules: String, scope: String? = nil, events: [E], includeMet: Bool = true, employee: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    var yaml = "essence: 1\nteam: desk\npurpose: The needs of the customer come first.\n"
    if let scope { yaml += "scope: \(scope)\n" }
    yaml += rules
    let result = StandardsLoader.load(sources: [(path: "desk.yaml", bytes: Array(yaml.utf8))])
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map { "\($0.location): \($0.message)" })", sourceLocation: sourceLocation)
    set = try #require(result.set, sourceLocation: sourceLocation)
    var log = EventLog()
    for (i, e) in events.enumerated() {
      let time = try #require(Timestamp(rfc3339: e.time), "bad time \(e.time)", sourceLocation: sourceLocation)
      var fields: [(name: String, value: Value)] = [
        ("id", .string(e.id)), ("type", .string(e.type)), ("employee", .string(e.employee)), ("time", .timestamp(time)),
      ]
      fields += e.fields.map { ($0.key, $0.value.cel) }
      log.append(
        Event(
          id: e.id, type: e.type, employee: e.employee, time: time, timeText: e.time,
          record: Record(layout: set.layout, fields: fields), path: "log.jsonl", line: i + 1, index: i))
    }
    self.log = log
    evaluation = Engine(set: set).evaluate(log, options: Engine.Options(includeMet: includeMet, employee: employee))
  }

  /// Every finding as `event id → rule → verdict`.
  var verdicts: [String: [String: Verdict]] {
    var out: [String: [String: Verdict]] = [:]
    for finding in evaluation.findings { out[finding.event, default: [:]][finding.rule] = finding.verdict }
    return out
  }

  /// The verdict of one rule on one event, if it judged it.
  func verdict(_ event: String, _ rule: String) -> Verdict? { verdicts[event]?[rule] }

  /// The finding of one rule on one event.
  func finding(_ event: String, _ rule: String) -> Finding? {
    evaluation.findings.first { $0.event == event && $0.rule == rule }
  }
}
