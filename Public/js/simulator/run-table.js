// The run summary: each request counted once by its final outcome, for run A and (when comparing) B.

import { element } from './charts.js';
import { pick } from './model.js';
import { formatCount, formatMilliseconds, formatNumber } from './format.js';

const ROWS = [
  { label: 'Requests offered', paths: ['offered'], format: formatCount },
  { label: 'Succeeded', paths: ['succeeded'], format: formatCount, className: 'sim-outcome-succeeded' },
  { label: 'Failed', paths: ['failed'], format: formatCount, className: 'sim-outcome-failed' },
  { label: 'Timed out', paths: ['timedOut'], format: formatCount, className: 'sim-outcome-timedOut' },
  { label: 'Short-circuited by the breaker', paths: ['rejectedByBreaker'], format: formatCount, className: 'sim-outcome-rejectedByBreaker' },
  { label: 'Rejected by the bulkhead', paths: ['rejectedByBulkhead'], format: formatCount, className: 'sim-outcome-rejectedByBulkhead' },
  { label: 'Calls reaching inventory', paths: ['downstreamCalls'], format: formatCount },
  { label: 'Amplification', paths: ['amplification'], format: (value) => `${formatNumber(value)}×` },
  { label: 'Caller latency p50', paths: ['callerLatencyP50Ms'], format: formatMilliseconds },
  { label: 'Caller latency p99', paths: ['callerLatencyP99Ms'], format: formatMilliseconds },
  { label: 'Inventory latency p50', paths: ['downstreamLatencyP50Ms'], format: formatMilliseconds },
  { label: 'Inventory latency p99', paths: ['downstreamLatencyP99Ms'], format: formatMilliseconds },
  { label: 'Breaker transitions', paths: ['transitions'], format: formatCount },
];

/** Renders the summary table into `container` (replacing its content). */
export function renderRunTable(container, runs, { compact = false } = {}) {
  container.replaceChildren();
  const table = element('table', { class: 'sim-summary-table' }, container);
  element('caption', {}, table, runs.B ? 'Run summary: A and B on the same seed' : 'Run summary');
  const head = element('tr', {}, element('thead', {}, table));
  element('th', { scope: 'col' }, head, 'Measure');
  element('th', { scope: 'col' }, head, runs.B ? 'A' : 'Value');
  if (runs.B) {
    element('th', { scope: 'col' }, head, 'B');
    element('th', { scope: 'col' }, head, 'B − A');
  }
  const body = element('tbody', {}, table);
  const rows = compact ? ROWS.filter((row) => ['offered', 'succeeded', 'rejectedByBreaker', 'downstreamCalls', 'amplification'].includes(row.paths[0])) : ROWS;
  for (const row of rows) {
    const a = readNumber(runs.A.summary, row.paths);
    const tr = element('tr', { 'data-measure': row.paths[0] }, body);
    const th = element('th', { scope: 'row' }, tr);
    if (row.className) element('span', { class: `sim-swatch ${row.className}`, 'aria-hidden': 'true' }, th);
    th.append(row.label);
    element('td', {}, tr, row.format(a));
    if (runs.B) {
      const b = readNumber(runs.B.summary, row.paths);
      element('td', {}, tr, row.format(b));
      const delta = a == null || b == null ? null : b - a;
      element('td', { class: delta > 0 ? 'sim-delta-up' : delta < 0 ? 'sim-delta-down' : '' }, tr,
        delta == null ? '–' : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${row.format(Math.abs(delta))}`);
    }
  }
  return table;
}

function readNumber(summary, paths) {
  const value = pick(summary, paths);
  if (Array.isArray(value)) return value.length;
  return value == null ? null : Number(value);
}

/** One sentence for the live region: what changed for the learner after a run. */
export function describeRun(run) {
  const summary = run.summary;
  const offered = pick(summary, ['offered']);
  const succeeded = pick(summary, ['succeeded']);
  const shortCircuited = pick(summary, ['rejectedByBreaker']);
  const downstream = pick(summary, ['downstreamCalls']);
  return `${formatCount(succeeded)} of ${formatCount(offered)} requests succeeded, ${formatCount(shortCircuited)} were short-circuited, `
    + `and ${formatCount(downstream)} calls reached the inventory service.`;
}
