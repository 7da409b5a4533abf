/// The report's inline style sheet: one file, no network, readable from 400 px up.
enum HTMLStyle {
  /// Verdict colours as CSS classes `v-<verdict>`, from ``VerdictPalette``.
  static var verdictClasses: String {
    Verdict.allCases.map { ".v-\($0.rawValue){background:\(VerdictPalette.color($0));color:#fff}" }.joined(
      separator: "\n")
  }

  static var css: String {
    """
    :root{--ink:#1f2933;--muted:#5f6b7a;--line:#e3e7ec;--card:#f7f9fb}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
    main{max-width:1120px;margin:0 auto;padding:24px 20px 48px}
    h1{font-size:26px;margin:0 0 4px}
    h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
    h3{font-size:16px;margin:20px 0 8px}
    .sub{color:var(--muted);margin:0 0 4px}
    code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:13px}
    code{background:var(--card);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
    .sha{word-break:break-all}
    .cards{display:flex;flex-wrap:wrap;gap:10px;align-items:stretch}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px;min-width:96px}
    .card .n{font-size:26px;font-weight:650;line-height:1.2}
    .card .l{color:var(--muted);font-size:13px}
    .op{align-self:center;font-size:22px;color:var(--muted)}
    .gap{width:28px}
    .idle{margin-top:10px}
    .idle code{white-space:nowrap}
    .recon{margin:8px 0 0;color:var(--muted)}
    .recon.bad{color:#c62828;font-weight:600}
    .headline{margin-bottom:12px}
    .headline a.card{text-decoration:none;color:#fff;min-width:150px;border:0}
    .headline .l{color:rgba(255,255,255,.9)}
    .headline .celebrate{background:#1565c0}
    .headline .review{background:#8d6e00}
    .headline .talk{background:#c62828}
    .badge{display:inline-block;border-radius:999px;padding:0 9px;font-size:12px;font-weight:600;line-height:20px;white-space:nowrap}
    .chips{display:flex;flex-wrap:wrap;gap:8px}
    .chip{display:flex;align-items:center;gap:6px;border:1px solid var(--line);border-radius:999px;padding:3px 10px 3px 4px}
    .chip b{font-size:16px}
    table.bars{width:100%;border-collapse:collapse}
    table.bars td,table.bars th{padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:middle;text-align:left}
    table.bars th{font-size:13px;color:var(--muted);font-weight:600}
    table.bars td.name{width:32%}
    table.bars td.total{width:56px;text-align:right;color:var(--muted)}
    .bar{display:flex;height:22px;border-radius:6px;overflow:hidden;background:var(--line);min-width:60px}
    .bar.empty{opacity:.5}
    .seg{display:flex;align-items:center;justify-content:center;font-size:12px;font-weight:600;color:#fff;min-width:18px;overflow:hidden}
    .rule-title{display:block}
    .rule-id{color:var(--muted);font-size:12px}
    .legend{display:flex;flex-wrap:wrap;gap:6px 14px;color:var(--muted);font-size:13px;margin:6px 0 10px}
    .legend svg{vertical-align:middle}
    .scroll{overflow-x:auto;border:1px solid var(--line);border-radius:10px}
    svg.timeline{display:block;width:100%;min-width:720px;height:auto}
    svg .band{fill:var(--card)}
    svg .tick{stroke:var(--line);stroke-width:1}
    svg .hour{font:14px system-ui,sans-serif;fill:var(--muted)}
    svg .who{font:600 15px system-ui,sans-serif;fill:var(--ink)}
    svg .mark{stroke:#fff;stroke-width:1.5}
    details{border:1px solid var(--line);border-radius:10px;margin:8px 0;background:#fff}
    details[open]{background:var(--card)}
    summary{cursor:pointer;padding:8px 12px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center;list-style-position:outside}
    summary .when{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}
    summary .who{font-weight:600}
    .body{padding:0 14px 12px}
    .body p{margin:8px 0}
    .trace{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0;font-size:13px}
    .trace dt{color:var(--muted);white-space:nowrap}
    .trace dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-word}
    .trace dd.words{font-family:inherit}
    .why{color:var(--muted);font-size:13px}
    ul.rejected{margin:8px 0;padding-left:20px}
    footer{margin-top:40px;color:var(--muted);font-size:13px}
    @media (max-width:600px){
      main{padding:16px 12px 32px}
      h1{font-size:22px}
      .card{min-width:0;flex:1 1 40%;padding:8px 10px}
      .card .n{font-size:21px}
      .op,.gap{display:none}
      table.bars td.name{width:auto}
      table.bars tr{display:grid;grid-template-columns:1fr auto;border-bottom:1px solid var(--line)}
      table.bars td{border:0;padding:4px 4px}
      table.bars td.barcell{grid-column:1 / -1;padding-top:0}
      table.bars thead{display:none}
      .trace{grid-template-columns:1fr}
      .trace dt{margin-top:6px}
    }
    """
      + "\n" + verdictClasses
  }
}
