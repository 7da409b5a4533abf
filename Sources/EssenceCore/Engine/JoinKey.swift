import CEL

/// A `same`/`per` value as a hashable key, equal exactly when CEL's `==` says so.
///
/// `7` and `7.0` are one key, `"7"` and `7` are two, and absent or null values make no key at
/// all: like a NULL in a SQL join, they relate to nothing (SPEC §7).
enum JoinKey: Hashable, Sendable {
  case bool(Bool)
  /// Every number with an integral value that fits in 64 signed bits, whatever its CEL kind.
  case int(Int64)
  /// Integral values above `Int64.max`.
  case uint(UInt64)
  /// Non-integral (or out of integer range) doubles.
  case double(Double)
  case string(CodePoints)
  case bytes([UInt8])
  case timestamp(Timestamp)
  case duration(CELDuration)
  /// Null inside a list or map (a null at the top makes no key).
  case null
  case list([JoinKey])
  case map(Set<MapEntry>)

  /// One entry of a map key; maps compare without regard to order.
  struct MapEntry: Hashable, Sendable {
    var key: JoinKey
    var value: JoinKey
  }

  /// The key of a top-level field value; nil for absent, null and values nothing equals.
  init?(_ value: Value?) {
    guard case .some(let key) = JoinKey.nested(value), key != .null else { return nil }
    self = key
  }

  /// The key of several fields at once (a multi-field `same`); nil when any makes no key.
  ///
  /// Borrowing its arguments (an initializer's are otherwise passed owned) spares a count on
  /// the fields and the record for every event a relation judges.
  init?(fields: borrowing [FieldRef], of record: borrowing Record) {
    if fields.count == 1 {
      self.init(fields[0].read(record))
      return
    }
    var keys: [JoinKey] = []
    keys.reserveCapacity(fields.count)
    for f in fields.indices {
      guard let key = JoinKey(fields[f].read(record)) else { return nil }
      keys.append(key)
    }
    self = .list(keys)
  }

  /// Calls `text` with the UTF-8 of the key of `fields` on the row `row` of `storage` when it
  /// is one text field, read where the storage keeps it; else `other` with the key (nil when
  /// there is none). Relations look a key up for every event they judge and the indexer for
  /// every event a lookup finds: a text key made as a value cost a String, its count and an
  /// enum each time (some 360 instructions for a ticket id).
  static func withKey<R>(
    of fields: borrowing [FieldRef], storage: RecordStorage, row: UInt32,
    text: (UnsafeBufferPointer<UInt8>) -> R, other: (JoinKey?) -> R
  ) -> R {
    guard fields.count == 1, let slot = fields[0].slot(in: storage) else {
      return other(JoinKey(fields: fields, of: Record(storage: storage, row: row)))
    }
    return storage.withValue(atSlot: slot, row: row, string: text) { other(JoinKey($0)) }
  }

  /// A value's key where null is a value (inside lists and maps); nil when absent, when CEL
  /// `==` would not be reflexive (NaN) or the value has no equality (errors, types, records).
  private static func nested(_ value: Value?) -> JoinKey? {
    switch value {
    case nil: return nil
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .uint(let u): return u <= UInt64(Int64.max) ? .int(Int64(u)) : .uint(u)
    case .double(let d): return number(d)
    case .string(let s): return .string(CodePoints(s))
    case .bytes(let b): return .bytes(b)
    case .timestamp(let t): return .timestamp(t)
    case .duration(let d): return .duration(d)
    case .list(let items):
      var keys: [JoinKey] = []
      keys.reserveCapacity(items.count)
      for item in items {
        guard let key = nested(item) else { return nil }
        keys.append(key)
      }
      return .list(keys)
    case .map(let map):
      var entries = Set<MapEntry>()
      for (k, v) in map.entries {
        guard let key = nested(k), let value = nested(v) else { return nil }
        entries.insert(MapEntry(key: key, value: value))
      }
      return .map(entries)
    case .type, .record, .error: return nil
    }
  }

  /// Integral doubles join the integer keys, so `7.0` meets `7`.
  private static func number(_ d: Double) -> JoinKey? {
    if d.isNaN { return nil }
    if d == d.rounded(.towardZero) {
      if d >= -9_223_372_036_854_775_808.0 && d < 9_223_372_036_854_775_808.0 { return .int(Int64(d)) }
      if d >= 0 && d < 18_446_744_073_709_551_616.0 { return .uint(UInt64(d)) }
    }
    return .double(d == 0 ? 0 : d)
  }
}

/// A string compared and hashed by its Unicode scalars, as CEL compares strings (Swift's own
/// `==` also equates canonically equivalent text, which CEL does not).
struct CodePoints: Hashable, Sendable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (a: CodePoints, b: CodePoints) -> Bool { Value.sameText(a.text, b.text) }

  func hash(into hasher: inout Hasher) {
    var text = self.text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
