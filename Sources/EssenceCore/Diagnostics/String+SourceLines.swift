extension String {
  /// The text's lines as Unicode scalars, split at each line feed with a carriage return
  /// before it dropped (and a leading byte order mark), so CRLF files number lines and
  /// columns as libyaml does.
  ///
  /// Splitting the `String` itself would not do: `"\r\n"` is one `Character`.
  var sourceLines: [[Unicode.Scalar]] {
    let scalars = unicodeScalars.first == "\u{FEFF}" ? unicodeScalars.dropFirst() : unicodeScalars[...]
    return scalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      Array(line.last == "\r" ? line.dropLast() : line)
    }
  }
}
