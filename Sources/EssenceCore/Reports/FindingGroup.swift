/// What a leader does with a finding (SPEC's verdict table): the report's sections.
enum FindingGroup: String, CaseIterable {
  case celebrate, review, talk, met

  /// The section's heading.
  var title: String {
    switch self {
    case .celebrate: "To celebrate"
    case .review: "To review"
    case .talk: "To talk about"
    case .met: "Met"
    }
  }

  /// True when findings with this verdict belong in the section.
  func contains(_ verdict: Verdict) -> Bool {
    switch self {
    case .celebrate: verdict == .justified || verdict == .answered
    case .review: verdict == .pending || verdict == .error
    case .talk: !verdict.isGood && verdict != .pending && verdict != .error
    case .met: verdict == .met
    }
  }
}
