extension String {
  /// The text's lines as Unicode scalars, split at each line feed with a carriage return
  /// before it dropped, so CRLF files number lines and columns as libyaml does.
  ///
  /// Splitting the `String` itself would not do: `"\r\n"` is one `Character`.
  var sourceLines: [[Unicode.Scalar]] {
    unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      Array(line.last == "\r" ? line.dropLast() : line)
    }
  }
}
