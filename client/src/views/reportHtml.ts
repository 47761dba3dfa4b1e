/**
 * The term report's page. No `vscode` import (tested as is). The content security policy allows
 * nothing remote and no inline script: only the bundled dist/report.js (by nonce), our own style
 * block (by nonce) and styles set through the CSSOM. Colours are the theme's `--vscode-*` variables.
 */
export function reportHtml({ cspSource, script, nonce, language }: { cspSource: string; script: string; nonce: string; language: string }): string {
  const csp = [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 24px; }
  header { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
  h1 { font-size: 1.4em; font-weight: 600; margin: 18px 0 4px; }
  h2 { font-size: 1.1em; font-weight: 600; margin: 22px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding-bottom: 4px; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; font: inherit; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  .summary, .note, .empty { color: var(--vscode-descriptionForeground); }
  .chart { position: relative; max-width: 900px; }
  .table-scroll { overflow-x: auto; }
  table.heatmap { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  table.heatmap th, table.heatmap td { border: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,0.3)); padding: 3px 8px; text-align: center; }
  table.heatmap thead th { font-weight: 500; white-space: nowrap; }
  table.heatmap tbody th { text-align: left; font-weight: 500; white-space: nowrap; }
  table.heatmap tbody th.slogan { color: var(--slogan-color, var(--vscode-charts-orange)); }
  table.heatmap td.total { font-weight: 600; }
  details.rule { margin: 6px 0; }
  details.rule summary { cursor: pointer; }
  details.rule code { font-family: var(--vscode-editor-font-family); color: var(--vscode-textPreformat-foreground); }
  details.rule ol { margin: 6px 0 6px 8px; }
  a { color: var(--vscode-textLink-foreground); text-decoration: none; }
  a:hover { text-decoration: underline; }
</style>
<title>Policy Lens</title>
</head>
<body>
<main id="report"><p class="empty">…</p></main>
<script nonce="${nonce}" src="${escapeAttribute(script)}"></script>
</body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
