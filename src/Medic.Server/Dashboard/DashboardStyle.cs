namespace Medic.Server.Dashboard;

/// <summary>The dashboard's only stylesheet: readable on a laptop and a phone, visible focus, no external fonts.</summary>
internal static class DashboardStyle
{
    public const string Css = """
        :root { --fg:#1b1f23; --muted:#57606a; --bg:#fff; --line:#d0d7de; --link:#0550ae; --focus:#bf8700;
          --crit:#a40e26; --err:#cf222e; --warn:#9a6700; --info:#0969da; --ok:#1a7f37; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--link); }
        a:focus-visible, button:focus-visible, input:focus-visible, main:focus-visible, summary:focus-visible {
          outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 1; }
        .skip:focus { left: .5rem; }
        header { display: flex; justify-content: space-between; align-items: center; padding: .5rem 1rem; border-bottom: 1px solid var(--line); }
        .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        .crumbs { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: .5rem 1rem; }
        .crumbs li + li::before { content: "›"; margin-right: .25rem; color: var(--muted); }
        h1 { font-size: 1.6rem; margin: .5rem 0; overflow-wrap: anywhere; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.05rem; margin: .25rem 0; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .sev, .status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; color: #fff; }
        .sev-critical { background: var(--crit); } .sev-error { background: var(--err); }
        .sev-warning { background: var(--warn); } .sev-info { background: var(--info); }
        .status-ok { background: var(--ok); } .status-failing { background: var(--err); } .status-unknown { background: var(--muted); }
        .finding { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 1rem 0; }
        .meta { color: var(--muted); font-size: .9rem; }
        .fix { white-space: pre-wrap; background: #f6f8fa; padding: .5rem .75rem; border-left: 4px solid var(--ok); }
        code, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9rem; overflow-wrap: anywhere; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
        figure { margin: 1rem 0; } figcaption { font-size: .9rem; color: var(--muted); }
        svg.chart { width: 100%; height: auto; max-width: 48rem; border: 1px solid var(--line); }
        .login { max-width: 24rem; } .login input { width: 100%; padding: .5rem; font-size: 1rem; }
        button { font: inherit; padding: .35rem .9rem; cursor: pointer; }
        .error { color: var(--err); font-weight: 600; }
        @media (max-width: 40rem) {
          body { font-size: 15px; } main { padding: .5rem; }
          th, td { padding: .3rem .35rem; }
          dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .5rem; }
        }
        """;
}
