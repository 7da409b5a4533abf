/// Text with location markers (`1️⃣`, `2️⃣`, …) removed, and where each marker was.
///
/// Tests write the input inline with a marker where a diagnostic must point, as swift-syntax
/// and swift-format tests do, instead of counting lines and columns by hand.
public struct MarkedText: Sendable {
  /// The text without markers.
  public var text: String
  /// Each marker's 1-based line and column (in Unicode scalars) in `text`.
  public var markers: [String: (line: Int, column: Int)]

  /// The markers this type recognises.
  public static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

  /// Strips the markers from `marked`, recording their positions.
  public init(_ marked: String) {
    var text = ""
    var markers: [String: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var rest = Substring(marked)
    while let character = rest.first {
      if let name = Self.markerNames.first(where: { rest.hasPrefix($0) }) {
        markers[name] = (line, column)
        rest = rest.dropFirst(name.count)
        continue
      }
      text.append(character)
      if character == "\n" || character == "\r\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
      rest = rest.dropFirst()
    }
    self.text = text
    self.markers = markers
  }
}
