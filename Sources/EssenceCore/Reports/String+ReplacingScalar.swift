extension String {
  /// The text with every `scalar` replaced by `replacement`, matched scalar by scalar, for
  /// escaping: the `\r` and the `\n` of a CR LF pair (one `Character`) are each replaced, and so
  /// is a quote or a newline with a combining mark after it.
  ///
  /// Foundation's `replacingOccurrences(of:with:)`, which escaped these before, gives the same
  /// text but for the last: it leaves a character that a combining mark follows as it is.
  func replacing(scalar: Unicode.Scalar, with replacement: String) -> String {
    var out = String.UnicodeScalarView()
    for next in unicodeScalars {
      if next == scalar {
        out.append(contentsOf: replacement.unicodeScalars)
      } else {
        out.append(next)
      }
    }
    return String(out)
  }
}
