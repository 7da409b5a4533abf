import CEL
import Foundation

// Measures the compiled CEL evaluator over pre-built events: evaluations per second,
// the median of 5 runs over 1,000,000 records. Run a release build:
//   swift build -c release --product essence-bench && .build/release/essence-bench [COUNT]

let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
let runs = 5

let layout = RecordLayout(fields: [("rings", .number), ("queue", .string), ("greeting", .string)])
let environment = Environment(variables: [("event", .record(layout))])
let queues = ["billing", "tech", "sales", "returns"]
let greetings = [
  "Thank you for calling, this is Ana", "Hello, Ben speaking", "Thank you for waiting",
  "Thank you for calling the support desk, Cleo speaking, how can I help?", "Hi",
]
/// A fixed linear congruential sequence, so every run sees the same events.
struct Sequence {
  var seed: UInt64 = 7
  mutating func next(_ bound: Int) -> Int {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((seed >> 33) % UInt64(bound))
  }
}
var random = Sequence()
let records: [Value] = (0..<count).map { _ in
  .record(
    Record(
      layout: layout,
      fields: [
        ("rings", .int(Int64(random.next(9)))), ("queue", .string(queues[random.next(queues.count)])),
        ("greeting", .string(greetings[random.next(greetings.count)])),
      ]))
}

let allExpressions = [
  "event.rings <= 3 && event.queue in ['billing', 'tech']",
  "event.greeting.startsWith('Thank you') && event.greeting.matches('(?i)this is|speaking')",
]
// An optional second argument picks one expression by index (for profiling).
let expressions =
  CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) }.map { [allExpressions[$0]] } ?? allExpressions

/// Nanoseconds of CPU time this thread has used: on a shared machine, wall time also counts
/// the time other processes held the CPU.
func cpuNanoseconds() -> UInt64 {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Evaluates the program over every record `runs` times: the rates by wall and CPU time, and
/// how many evaluations were true.
func measure(_ program: Program, _ records: [Value]) -> (rates: [Double], cpuRates: [Double], matched: Int) {
  var rates: [Double] = []
  var cpuRates: [Double] = []
  var matched = 0
  for _ in 0..<runs {
    var activation = Activation(values: [.null])
    matched = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuNanoseconds()
    for record in records {
      activation.values[0] = record
      if case .bool(true) = program.evaluate(activation) { matched += 1 }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    rates.append(Double(records.count) / seconds)
    cpuRates.append(Double(records.count) * 1e9 / Double(cpuNanoseconds() - cpuStart))
  }
  return (rates, cpuRates, matched)
}

for source in expressions {
  let compilation = environment.compile(source)
  guard let program = compilation.program else {
    print("\(source): does not compile: \(compilation.diagnostics.map(\.message))")
    continue
  }
  let (rates, cpuRates, matched) = measure(program, records)
  let wall = String(format: "%.1f", rates.sorted()[runs / 2] / 1e6)
  let cpu = String(format: "%.1f", cpuRates.sorted()[runs / 2] / 1e6)
  print(source)
  print("  \(wall) million evaluations/s wall, \(cpu) million per CPU second")
  print("  (median of \(runs) runs over \(count) events; \(matched) true)")
}
