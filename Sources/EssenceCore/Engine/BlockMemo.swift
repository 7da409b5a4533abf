import CEL

/// What a table said for each string of one block's storage, for passes over the log in
/// input order.
///
/// Consecutive events share a storage, and a block holds each distinct type or employee
/// once, so a pass asks the table (which hashes the text) once per block and string, and
/// every other event costs an array read.
struct BlockMemo {
  private var storage: ObjectIdentifier?
  private var answers: [Int32] = []
  private static let unasked: Int32 = .min

  /// The answer remembered for string `number` of `storage`, or nil when it is not known yet
  /// (then `remember` it).
  mutating func answer(_ number: UInt32, of storage: RecordStorage) -> Int32? {
    let key = ObjectIdentifier(storage)
    if key != self.storage {
      self.storage = key
      answers = [Int32](repeating: Self.unasked, count: storage.stringCount)
    }
    let n = Int(number)
    guard n < answers.count, answers[n] != Self.unasked else { return nil }
    return answers[n]
  }

  /// Remembers the answer for string `number` of the storage last asked about.
  mutating func remember(_ answer: Int32, for number: UInt32) {
    let n = Int(number)
    if n < answers.count { answers[n] = answer }
  }
}
