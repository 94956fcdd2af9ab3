extension LibraryHealth {
    /// The page's style sheet: the system's fonts, light and dark colours whose text passes WCAG
    /// AA (4.5:1) on their backgrounds, a print form on white, tables that scroll on narrow screens.
    static let htmlStyle = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--rule:#d1d9e0;--panel:#f6f8fa;\
        --link:#0550ae;--good:#116329;--bad:#b3261e;--line:#0969da}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9ea7b3;--rule:#3d444d;--panel:#151b23;\
        --link:#6cb6ff;--good:#57d36a;--bad:#ff8b82;--line:#6cb6ff}}
        *{box-sizing:border-box}
        html{background:var(--bg)}
        body{margin:0;background:var(--bg);color:var(--fg);\
        font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
        header,main,footer{max-width:76rem;margin:0 auto;padding:0 1.25rem}
        header{padding-top:2.25rem}
        .kicker{margin:0;color:var(--muted);font-size:.78rem;letter-spacing:.08em;text-transform:uppercase}
        h1{margin:.2rem 0 .1rem;font-size:1.9rem;line-height:1.2;overflow-wrap:anywhere}
        .period{margin:0;color:var(--muted)}
        h2{margin:2.25rem 0 .75rem;font-size:1.25rem;padding-bottom:.35rem;border-bottom:1px solid var(--rule)}
        h3{margin:0;font-size:1.1rem;overflow-wrap:anywhere}
        h4{margin:1rem 0 .3rem;font-size:.95rem}
        a{color:var(--link);text-underline-offset:.15em}
        code{font:.88em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;margin:1.25rem 0 0;padding:0;list-style:none}
        .tiles li{background:var(--panel);border:1px solid var(--rule);border-radius:10px;padding:.7rem 1rem}
        .tiles b{display:block;font-size:1.6rem;line-height:1.2;font-variant-numeric:tabular-nums}
        .tiles span,.muted,.note,.path,caption,footer{color:var(--muted)}
        .findings{margin:0;padding-left:1.25rem}
        .findings li{margin:.3rem 0}
        .all-good{color:var(--good)}
        .scroll{overflow-x:auto;border:1px solid var(--rule);border-radius:10px;margin:.75rem 0}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        caption{text-align:left;padding:.6rem .8rem;font-size:.85rem}
        th,td{padding:.5rem .8rem;text-align:left;vertical-align:middle;border-top:1px solid var(--rule);white-space:nowrap}
        thead th{background:var(--panel);font-size:.8rem;font-weight:600;white-space:normal;vertical-align:bottom}
        tbody th{font-weight:600}
        .num{text-align:right}
        .note{display:block;font-size:.8rem;font-weight:400}
        td.error{white-space:normal;min-width:16rem}
        .spark{display:block;overflow:visible}
        td.trend .word{display:block;font-size:.8rem}
        .spark polyline{fill:none;stroke:var(--line);stroke-width:1.5;stroke-linejoin:round}
        .spark circle{fill:var(--line)}
        .spark .base{stroke:var(--rule)}
        .better{color:var(--good)}
        .worse{color:var(--bad);font-weight:600}
        .procedure{border:1px solid var(--rule);border-radius:10px;padding:1rem 1.25rem;margin:1rem 0}
        .procedure p{margin:.35rem 0}
        .facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.5rem 1.25rem;margin:.85rem 0}
        .facts dt{color:var(--muted);font-size:.8rem}
        .facts dd{margin:0}
        .steps{margin:0;padding-left:1.25rem}
        footer{font-size:.85rem;padding-top:1.5rem;padding-bottom:2.5rem}
        @media print{:root{color-scheme:light;--bg:#fff;--fg:#000;--muted:#3d3d3d;--rule:#b4b4b4;--panel:#f2f2f2;\
        --link:#000;--good:#0b5a1e;--bad:#8f1a1a;--line:#000}
        body{font-size:9.5pt}header,main,footer{max-width:none;padding:0}
        .scroll{overflow:visible;border:0}th,td{white-space:normal;padding:.25rem .4rem}
        .procedure{break-inside:avoid}h2,h3{break-after:avoid}a{text-decoration:none}}
        """
}
