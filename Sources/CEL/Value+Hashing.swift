/// Hashing that agrees with CEL equality, so values can key dictionaries and sets as CEL
/// compares them: `7`, `7u` and `7.0` hash alike, strings by their code points, maps and
/// records regardless of entry order. (The engine's `same:` and `per:` keys are its own
/// `JoinKey`s.)
extension Value: Hashable {
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    // Numbers meet as doubles when kinds differ (see `compare`), so they hash as doubles.
    case .int(let i): hasher.combine(Double(i))
    case .uint(let u): hasher.combine(Double(u))
    case .double(let d): hasher.combine(d)
    case .string(let s):
      hasher.combine(1)
      for byte in s.utf8 { hasher.combine(byte) }
    case .bytes(let b): hasher.combine(b)
    case .list(let items):
      hasher.combine(items.count)
      for item in items { hasher.combine(item) }
    case .map(let map): Self.hashEntries(map.entries, into: &hasher)
    case .record(let record): Self.hashEntries(record.fieldEntries, into: &hasher)
    case .timestamp(let t): hasher.combine(t)
    case .duration(let d): hasher.combine(d.totalNanos)
    case .type(let t): hasher.combine(t.celName)
    case .error(let e): hasher.combine(e.message)
    }
  }

  /// Entries in any order hash alike: each entry is hashed alone and the results summed.
  private static func hashEntries(_ entries: [(key: Value, value: Value)], into hasher: inout Hasher) {
    var sum = 0
    for entry in entries {
      var one = Hasher()
      // Keys hash as their normalised map key, so `{1: x}` and `{1u: x}` agree.
      one.combine(entry.key)
      one.combine(entry.value)
      sum = sum &+ one.finalize()
    }
    hasher.combine(entries.count)
    hasher.combine(sum)
  }
}
