/** The report's stylesheet, inline: the file must look right opened offline from a CI artifact. */
export const STYLES = `
:root { --fg: #1d2329; --muted: #5f6b76; --bg: #ffffff; --panel: #f5f7f9; --line: #d9dee3;
  --error: #c62828; --warning: #b26a00; --info: #1565c0; --pass: #2e7d32; --hot: #d84315; --code: #0f1720; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header.top { padding: 16px 24px; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top h1 { margin: 0; font-size: 20px; }
header.top .verdict { font-weight: 600; }
header.top .note { margin: .2em 0; color: var(--muted); white-space: pre-wrap; }
header.top .verdict.fail { color: var(--error); } header.top .verdict.pass { color: var(--pass); }
nav a { margin-right: 12px; color: var(--info); }
main { padding: 8px 24px 40px; max-width: 1200px; }
h2 { font-size: 17px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 15px; margin: 20px 0 8px; }
h4 { font-size: 13px; margin: 14px 0 6px; color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.hint, .plan-note, .none { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; }
.card { display: flex; flex-direction: column; gap: 2px; padding: 10px 12px; border: 1px solid var(--line); border-left: 5px solid var(--pass); border-radius: 6px; color: inherit; text-decoration: none; background: var(--bg); }
.card.fail { border-left-color: var(--error); }
.card .status { font-weight: 700; font-size: 12px; text-transform: uppercase; color: var(--pass); }
.card.fail .status { color: var(--error); }
.card .promise { font-weight: 600; }
.count { font-size: 12px; color: var(--muted); margin-right: 6px; }
.filters { position: sticky; top: 0; z-index: 1; background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); }
.filters label { margin-right: 10px; }
#shown-count { color: var(--muted); }
.finding { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 8px 0; }
.finding header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.finding .loc { color: var(--muted); font-family: ui-monospace, monospace; font-size: 12px; }
.finding .message { margin: 6px 0; font-weight: 500; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; margin: 8px 0; }
.finding dt { font-weight: 600; color: var(--muted); }
.finding dd { margin: 0; white-space: pre-wrap; }
.badge { font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 1px 6px; border-radius: 4px; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.frame { background: var(--panel); border-radius: 4px; padding: 8px; overflow-x: auto; margin: 6px 0; }
.frame .gutter { color: var(--muted); user-select: none; }
.frame .carets { color: var(--error); font-weight: 700; }
.sql { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; }
.sql-head { display: flex; justify-content: space-between; align-items: center; padding: 4px 8px; background: var(--panel); font-size: 12px; color: var(--muted); }
.sql pre { margin: 0; padding: 8px; overflow-x: auto; color: var(--code); }
button { font: inherit; font-size: 12px; cursor: pointer; border: 1px solid var(--line); background: var(--bg); border-radius: 4px; padding: 1px 8px; }
a.docs { font-size: 12px; color: var(--info); }
.plan { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px 12px; margin: 10px 0; }
.plan h3 .mode { font-size: 11px; font-weight: 600; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; margin-left: 6px; }
.plan-body { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 12px; }
.tree, .tree ul { list-style: none; margin: 0; padding: 0; }
.tree ul { padding-left: 18px; border-left: 1px dotted var(--line); margin-left: 8px; }
.node.collapsed > ul { display: none; }
.node-row { display: flex; align-items: center; gap: 8px; padding: 2px 4px; border-radius: 4px; cursor: pointer; white-space: nowrap; }
.node-row:hover, .node-row:focus { background: var(--panel); outline: none; }
.node-row.selected { background: #e3eefc; }
.node.hot > .node-row { box-shadow: inset 3px 0 0 var(--hot); }
.node.hot > .node-row .title { font-weight: 700; }
.toggle, .toggle-space { width: 22px; padding: 0; flex: none; text-align: center; }
.bar { width: 90px; height: 10px; background: var(--panel); border: 1px solid var(--line); border-radius: 2px; flex: none; overflow: hidden; }
.bar > span { display: block; height: 100%; background: #90a4ae; }
.node.hot > .node-row .bar > span { background: var(--hot); }
.pct { width: 44px; text-align: right; font-variant-numeric: tabular-nums; flex: none; }
.ms { width: 74px; text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; flex: none; }
.figures { color: var(--muted); font-size: 12px; }
.node-details { border-left: 1px solid var(--line); padding-left: 12px; font-size: 12.5px; overflow-wrap: anywhere; }
.node-details { position: sticky; top: 48px; align-self: start; max-height: 80vh; overflow-y: auto; }
.node-details dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
.node-details dt { font-weight: 600; color: var(--muted); } .node-details dd { margin: 0; font-family: ui-monospace, monospace; }
.scroll { overflow-x: auto; }
.lock-timeline { border-collapse: collapse; font-size: 12.5px; }
.lock-timeline th, .lock-timeline td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: bottom; }
.lock-timeline th.statement { min-width: 120px; max-width: 220px; text-align: left; font-weight: normal; }
.lock-timeline th.statement code { display: block; white-space: pre-wrap; overflow-wrap: anywhere; }
.lock-timeline th.lock { text-align: left; white-space: nowrap; }
.lock-timeline th.lock small { display: block; color: var(--muted); font-weight: normal; }
.lock-timeline .mode { color: var(--error); font-family: ui-monospace, monospace; font-size: 11.5px; }
.lock-timeline td.held { background: #ffcdd2; } .lock-timeline td.taken { background: #e57373; }
.line { color: var(--muted); font-size: 11px; margin-right: 4px; }
.mark { font-size: 10.5px; font-weight: 700; text-transform: uppercase; border-radius: 3px; padding: 0 4px; margin-right: 3px; color: #fff; }
.mark.rewrite { background: var(--error); } .mark.scan { background: var(--warning); }
footer { padding: 12px 24px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
[hidden] { display: none !important; }
@media (max-width: 800px) { .plan-body { grid-template-columns: 1fr; } }
`;
