/**
 * The term report webview's script (bundled by esbuild into dist/report.js, a browser IIFE, with
 * Chart.js inside: the webview loads nothing remote). Draws what the extension posts: a bar chart
 * of the most used terms and slogans, the density table, the findings per rule. Colours come from
 * the editor's theme (`--vscode-*` variables) and follow theme changes.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { barData, formatNumber, heatmap, historyChart, opaque, ruleRows, summaryLine, type ReportInput, type ReportMessage, type ReportRequest } from './reportModel';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

interface VsCodeApi {
  postMessage(message: ReportRequest): void;
  getState(): ReportInput | undefined;
  setState(state: ReportInput): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('report')!;
let charts: Chart[] = [];
let current: ReportInput | undefined;

window.addEventListener('message', (event: MessageEvent<ReportMessage>) => {
  if (event.data?.type !== 'render') return;
  current = event.data.input;
  vscode.setState(current);
  render(current);
});

// The theme changed: VS Code swaps the body's class and the --vscode-* values on <html>; draw again in the new colours.
let redraw = 0;
const themeChanged = new MutationObserver(() => {
  cancelAnimationFrame(redraw);
  redraw = requestAnimationFrame(() => current && render(current));
});
themeChanged.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeChanged.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

const saved = vscode.getState();
if (saved) {
  current = saved;
  render(saved);
}
vscode.postMessage({ type: 'ready' });

function themeValue(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** A series colour: opaque, so that bars and labels stay readable. */
function themeColor(name: string, fallback: string): string {
  return opaque(themeValue(name, fallback));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function render(input: ReportInput): void {
  for (const chart of charts) chart.destroy();
  charts = [];
  const { labels } = input;
  // The series colours, opaque, for the chart and the table (set through the CSSOM).
  root.style.setProperty('--term-color', themeColor('--vscode-charts-blue', '#3794ff'));
  root.style.setProperty('--slogan-color', themeColor('--vscode-charts-orange', '#d18616'));
  root.replaceChildren();

  const header = element('header');
  header.append(element('h1', input.title));
  const refresh = element('button', labels.refresh);
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  header.append(refresh);
  root.append(header, element('p', summaryLine(input), 'summary'));

  root.append(element('h2', labels.topTerms));
  if (input.result.terms.length === 0) root.append(element('p', labels.noTerms, 'empty'));
  else root.append(barChart(input));

  const history = historyChart(input.result);
  if (history) root.append(element('h2', labels.history), element('p', labels.historyNote, 'note'), historyLines(input, history));

  const table = heatmap(input);
  if (table.rows.length > 0 && table.columns.length > 0) {
    root.append(element('h2', labels.density), element('p', labels.densityNote, 'note'), densityTable(input, table));
  }

  root.append(element('h2', labels.findings));
  const rules = ruleRows(input);
  if (rules.length === 0) root.append(element('p', labels.noFindings, 'empty'));
  for (const rule of rules) root.append(ruleSection(rule));
}

function barChart(input: ReportInput): HTMLElement {
  const data = barData(input.result);
  const { box, canvas } = chartBox(data.labels.length * 26 + 60, input.labels.topTerms);
  const { foreground, grid, font } = chartTheme();
  // Chart.js needs the canvas in the document to measure it.
  queueMicrotask(() => {
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [...data.labels],
        datasets: [
          { label: input.labels.term, data: [...data.terms], backgroundColor: themeColor('--vscode-charts-blue', '#3794ff') },
          { label: input.labels.slogan, data: [...data.slogans], backgroundColor: themeColor('--vscode-charts-orange', '#d18616') },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: foreground,
        font,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { color: foreground, precision: 0, font }, grid: { color: grid }, title: { display: true, text: input.labels.occurrences, color: foreground, font } },
          y: { stacked: true, ticks: { color: foreground, autoSkip: false, font }, grid: { display: false } },
        },
        plugins: { legend: { position: 'top', labels: { color: foreground, font } }, tooltip: { enabled: true } },
      },
    }));
  });
  return box;
}

/** A chart's box of a fixed height with an accessible canvas in it. */
function chartBox(height: number, label: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const box = element('div', undefined, 'chart');
  box.style.height = `${height}px`;
  const canvas = element('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.append(canvas);
  return { box, canvas };
}

/** The editor theme's colours and font, as Chart.js takes them. */
function chartTheme() {
  return {
    foreground: themeValue('--vscode-foreground', '#cccccc'),
    grid: themeValue('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
    font: { family: themeValue('--vscode-font-family', 'sans-serif'), size: 12 },
  };
}

const SERIES_COLORS: readonly [string, string][] = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-yellow', '#cca700'],
];

/** A small line chart: the document's most used terms in the government work reports, year by year. */
function historyLines(input: ReportInput, data: NonNullable<ReturnType<typeof historyChart>>): HTMLElement {
  const { box, canvas } = chartBox(240, input.labels.history);
  const { foreground, grid, font } = chartTheme();
  queueMicrotask(() => {
    charts.push(new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.years.map(String),
        datasets: data.series.map((series, i) => {
          const [name, fallback] = SERIES_COLORS[i % SERIES_COLORS.length];
          const color = themeColor(name, fallback);
          return { label: series.term, data: [...series.counts], borderColor: color, backgroundColor: color, pointRadius: 2, borderWidth: 2, tension: 0 };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: foreground,
        font,
        scales: {
          x: { ticks: { color: foreground, font, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: foreground, precision: 0, font }, grid: { color: grid }, title: { display: true, text: input.labels.occurrences, color: foreground, font } },
        },
        plugins: { legend: { position: 'top', labels: { color: foreground, font } }, tooltip: { enabled: true, mode: 'index', intersect: false } },
      },
    }));
  });
  return box;
}

function densityTable(input: ReportInput, table: ReturnType<typeof heatmap>): HTMLElement {
  const wrapper = element('div', undefined, 'table-scroll');
  const node = element('table', undefined, 'heatmap');
  const head = element('tr');
  head.append(element('th'));
  for (const column of table.columns) {
    const th = element('th', column.label);
    th.title = column.tooltip;
    head.append(th);
  }
  head.append(element('th', input.labels.total));
  node.append(element('thead'));
  node.tHead!.append(head);
  const body = element('tbody');
  for (const row of table.rows) {
    const tr = element('tr');
    const name = element('th', row.term, row.kind);
    name.scope = 'row';
    tr.append(name);
    row.cells.forEach((cell, i) => {
      const td = element('td', cell.count > 0 ? String(cell.count) : '·', 'cell');
      // Set through the CSSOM: allowed by the content security policy, unlike style attributes.
      td.style.backgroundColor = `color-mix(in srgb, var(--vscode-charts-red) ${Math.round(cell.intensity * 85)}%, transparent)`;
      td.title = `${row.term} · ${table.columns[i].title}: ${cell.count} (${formatNumber(cell.perThousand)} ‰)`;
      tr.append(td);
    });
    tr.append(element('td', String(row.total), 'total'));
    body.append(tr);
  }
  node.append(body);
  wrapper.append(node);
  return wrapper;
}

function ruleSection(rule: ReturnType<typeof ruleRows>[number]): HTMLElement {
  const details = element('details', undefined, 'rule');
  const summary = element('summary');
  summary.append(element('code', rule.code), element('span', ` ${rule.title} `), element('strong', String(rule.count)), element('span', ` · ${rule.severities}`, 'note'));
  details.append(summary);
  const list = element('ol');
  for (const finding of rule.findings) {
    const item = element('li');
    const link = element('a', finding.location);
    link.href = '#';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage(finding.reveal);
    });
    item.append(link, element('span', ` ${finding.message}`));
    list.append(item);
  }
  details.append(list);
  if (rule.truncated) details.append(element('p', rule.truncated, 'note'));
  return details;
}
