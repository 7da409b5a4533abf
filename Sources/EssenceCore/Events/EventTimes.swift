import CEL

/// Every event's instant, in input order, held for the whole run: relations, signals, patterns
/// and the report's order read the times of events anywhere in the log.
///
/// Logs write whole seconds (`2026-11-02T08:08:54Z`) nearly always, so a time costs its
/// seconds alone (8 bytes, where a `Timestamp` in an array takes 16) until one has a fraction;
/// from then on each also keeps its nanoseconds.
struct EventTimes: RandomAccessCollection, Sendable {
  private var seconds: [Int64] = []
  /// Empty while every time is whole seconds; then each time's nanoseconds.
  private var nanos: [Int32] = []

  init() {}

  /// The times of `timestamps`, in order.
  init(_ timestamps: some Sequence<Timestamp>) {
    for time in timestamps { append(time) }
  }

  var startIndex: Int { 0 }
  var endIndex: Int { seconds.count }

  subscript(position: Int) -> Timestamp {
    Timestamp(seconds: seconds[position], nanos: nanos.isEmpty ? 0 : nanos[position])
  }

  mutating func append(_ time: Timestamp) {
    if time.nanos != 0 && nanos.isEmpty {
      nanos.reserveCapacity(seconds.capacity)
      nanos.append(contentsOf: repeatElement(0, count: seconds.count))
    }
    seconds.append(time.seconds)
    if !nanos.isEmpty || time.nanos != 0 { nanos.append(time.nanos) }
  }

  mutating func reserveCapacity(_ count: Int) { seconds.reserveCapacity(count) }
}
