/// The colour of each verdict, one place for the CSS and the SVG timeline.
///
/// Good verdicts are cool (green, blue, teal), those to act on warm; robotic is purple, as
/// it is neither a success nor a plain failure. All pass WCAG AA against white text.
enum VerdictPalette {
  static func color(_ verdict: Verdict) -> String {
    switch verdict {
    case .met: "#2e7d32"
    case .justified: "#1565c0"
    case .answered: "#00796b"
    case .pending: "#8d6e00"
    case .robotic: "#7b1fa2"
    case .unjustified: "#d84315"
    case .missed: "#c62828"
    case .error: "#546e7a"
    case .unanswered: "#ad1457"
    }
  }
}
