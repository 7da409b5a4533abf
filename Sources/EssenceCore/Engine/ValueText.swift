import CEL

/// Values and windows written for sentences.
enum ValueText {
  /// Appends a field's value in CEL literal syntax (or "absent"), with a fast path for the
  /// plain strings and integers most fields hold.
  static func write(_ value: Value?, into text: inout TextBuffer) {
    switch value {
    case nil: text += "absent"
    case .int(let i)?: text.append(Int(i))
    case .string(let s)?:
      if s.utf8.withContiguousStorageIfAvailable({ writeString($0, into: &text) }) == nil {
        text.append(Value.string(s).description)
      }
    case let value?: text.append(value.description)
    }
  }

  /// Appends a field's value on a row of `storage` as ``write(_:into:)`` does, a string copied
  /// from where the storage keeps it: making it a `Value` would retain and release it.
  static func write(_ field: FieldRef, of storage: RecordStorage, row: UInt32, into text: inout TextBuffer) {
    guard let slot = field.slot(in: storage) else {
      write(field.read(Record(storage: storage, row: row)), into: &text)
      return
    }
    storage.withValue(
      atSlot: slot, row: row, string: { writeString($0, into: &text) }, other: { write($0, into: &text) })
  }

  /// Appends a string's UTF-8 in CEL literal syntax.
  private static func writeString(_ utf8: UnsafeBufferPointer<UInt8>, into text: inout TextBuffer) {
    // Only a quote, a backslash or a control character needs CEL's escapes.
    for byte in utf8 where byte < 0x20 || byte == 0x27 || byte == 0x5C || byte == 0x7F {
      text.append(Value.string(String(decoding: utf8, as: UTF8.self)).description)
      return
    }
    let at = text.reserve(utf8.count + 2)
    at[0] = UInt8(ascii: "'")
    if let source = utf8.baseAddress { TextBuffer.copy(source, to: at + 1, count: utf8.count) }
    at[utf8.count + 1] = UInt8(ascii: "'")
    text.advance(by: utf8.count + 2)
  }

  /// Go-style duration text, as standards files write windows: `1h`, `72h`, `10m`, `1h30m`, `1.5s`.
  static func durationText(nanos: Int64) -> String {
    var text = TextBuffer(capacity: 32)
    writeDuration(nanos: nanos, into: &text)
    return text.text
  }

  /// Appends ``durationText(nanos:)``.
  static func writeDuration(nanos: Int64, into text: inout TextBuffer) {
    if nanos == 0 {
      text += "0s"
      return
    }
    if nanos < 0 { text += "-" }
    var rest = nanos.magnitude
    let hours = rest / 3_600_000_000_000
    rest %= 3_600_000_000_000
    let minutes = rest / 60_000_000_000
    rest %= 60_000_000_000
    if hours > 0 {
      text.append(Int(hours))
      text += "h"
    }
    if minutes > 0 {
      text.append(Int(minutes))
      text += "m"
    }
    guard rest > 0 else { return }
    text.append(Int(rest / 1_000_000_000))
    var fraction = rest % 1_000_000_000
    if fraction != 0 {
      // Nine digits with the trailing zeros dropped.
      var width = 9
      while fraction % 10 == 0 {
        fraction /= 10
        width -= 1
      }
      text += "."
      var digits = String(fraction)
      digits = String(repeating: "0", count: width - digits.count) + digits
      text.append(digits)
    }
    text += "s"
  }
}
