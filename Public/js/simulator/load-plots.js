// Plots of load and capacity for one run: downstream load against capacity, goodput against offered
// load, bulkhead occupancy, inventory's queue and the retry budget's tokens.

import { stackedBarPaths, stepPath, svg } from './charts.js';
import { configValue, pick } from './model.js';
import { formatCount, formatNumber, formatPercent, formatSeconds, peak, sum } from './format.js';

/** Requests per second the inventory service can serve: concurrency over mean latency. */
export function capacityPerSecond(run) {
  const explicit = pick(run.summary, ['downstreamCapacityPerSecond']);
  if (explicit) return explicit;
  const concurrency = configValue(run, ['inventory.concurrency']);
  const latency = configValue(run, ['inventory.latencyP50Ms']);
  if (!concurrency || !latency) return null;
  return (concurrency * 1000) / latency;
}

export function drawLoad(chart, run) {
  const { series, summary } = run;
  const firstTries = series.firstTries.map((value) => value ?? 0);
  const retries = series.retries.map((value) => value ?? 0);
  const capacity = capacityPerSecond(run);
  const downstream = pick(summary, ['downstreamCalls'], sum(firstTries) + sum(retries));
  const offered = pick(summary, ['offered'], sum(series.offered));
  const amplification = pick(summary, ['amplification'], offered ? downstream / offered : null);
  chart.titleNode.textContent = `Downstream load: first tries and retries (amplification ${formatNumber(amplification)}×)`;
  const perSecond = firstTries.map((value, index) => value + retries[index]);
  const overCapacity = capacity ? perSecond.filter((value) => value > capacity).length : 0;
  let text = `The inventory service received ${formatCount(downstream)} calls: ${formatCount(sum(firstTries))} first tries and `
    + `${formatCount(sum(retries))} retries, ${formatNumber(amplification)} times the ${formatCount(offered)} requests offered.`;
  if (capacity) text += ` Capacity is about ${formatCount(capacity)} calls per second; load exceeded it for ${overCapacity} s.`;
  chart.render({
    duration: run.duration, yMax: Math.max(1, ...perSecond, capacity ? capacity * 1.1 : 0) * 1.05, yFormat: formatCount, summary: text,
    draw({ data, overlay, x, y }) {
      const [firstPath, retryPath] = stackedBarPaths([firstTries, retries], x, y);
      if (firstPath) svg('path', { d: firstPath, class: 'sim-bar sim-first-try' }, data);
      if (retryPath) svg('path', { d: retryPath, class: 'sim-bar sim-retry' }, data);
      if (capacity) svg('line', { x1: x(0), x2: x(run.duration), y1: y(capacity), y2: y(capacity), class: 'sim-capacity' }, overlay);
    },
  });
}

export function drawGoodput(chart, run) {
  const { series } = run;
  const offered = series.offered.map((value) => value ?? 0);
  const succeeded = series.succeeded.map((value) => value ?? 0);
  const total = sum(offered);
  const good = sum(succeeded);
  const text = `${formatCount(good)} of ${formatCount(total)} requests succeeded (${formatPercent(total ? (good / total) * 100 : 0)} goodput).`;
  chart.render({
    duration: run.duration, yMax: Math.max(1, ...offered, ...succeeded) * 1.05, yFormat: formatCount, summary: text,
    draw({ data, x, y }) {
      const [goodPath] = stackedBarPaths([succeeded], x, y);
      if (goodPath) svg('path', { d: goodPath, class: 'sim-bar sim-outcome-succeeded' }, data);
      svg('path', { d: stepPath(offered, x, y), class: 'sim-line sim-line-offered' }, data);
    },
  });
}

export function drawBulkhead(chart, run) {
  const { series } = run;
  const maximum = configValue(run, ['bulkhead.maxConcurrentCalls', 'maxConcurrentCalls']);
  const enabled = configValue(run, ['bulkhead.enabled']) !== false;
  const occupancy = peak(series.bulkhead);
  const waiting = peak(series.bulkheadWaiting);
  let text = occupancy.value == null
    ? 'The run reports no bulkhead occupancy.'
    : `Calls in flight to inventory peaked at ${formatCount(occupancy.value)}${maximum && enabled ? ` of the bulkhead's ${formatCount(maximum)}` : ''} at ${formatSeconds(occupancy.index)}.`;
  if (!enabled) text += ' The bulkhead is off.';
  if (waiting.value) text += ` Up to ${formatCount(waiting.value)} calls waited for a slot.`;
  chart.render({
    duration: run.duration, yMax: Math.max(1, occupancy.value ?? 0, waiting.value ?? 0, enabled && maximum ? maximum : 0) * 1.1, yFormat: formatCount, summary: text,
    draw({ data, overlay, x, y }) {
      if (waiting.value) svg('path', { d: stepPath(series.bulkheadWaiting, x, y), class: 'sim-line sim-line-waiting' }, data);
      svg('path', { d: stepPath(series.bulkhead, x, y), class: 'sim-line sim-line-bulkhead' }, data);
      if (maximum && enabled) svg('line', { x1: x(0), x2: x(run.duration), y1: y(maximum), y2: y(maximum), class: 'sim-threshold' }, overlay);
    },
  });
}

export function drawQueue(chart, run) {
  const { series } = run;
  const hasQueue = series.queueDepth.some((value) => value != null);
  chart.figure.hidden = !hasQueue;
  if (!hasQueue) return;
  const deepest = peak(series.queueDepth);
  const limit = configValue(run, ['inventory.queueLimit', 'queueLimit']);
  const text = deepest.value
    ? `Inventory's queue peaked at ${formatCount(deepest.value)} waiting calls at ${formatSeconds(deepest.index)}${limit != null ? ` (limit ${formatCount(limit)})` : ''}.`
    : 'Inventory never queued a call: its workers kept up.';
  chart.render({
    duration: run.duration, yMax: Math.max(1, deepest.value ?? 0) * 1.1, yFormat: formatCount, summary: text,
    draw({ data, x, y }) {
      svg('path', { d: stepPath(series.queueDepth, x, y), class: 'sim-line sim-line-queue' }, data);
    },
  });
}

export function drawTokens(chart, run) {
  const { series } = run;
  const tokens = series.retryTokens;
  const hasTokens = tokens.some((value) => value != null);
  chart.figure.hidden = !hasTokens;
  if (!hasTokens) return;
  const highest = peak(tokens);
  const lowest = peak(tokens.map((value) => (value == null ? null : -value)));
  const text = `Retry tokens ranged from ${formatCount(-lowest.value)} (at ${formatSeconds(lowest.index)}) to ${formatCount(highest.value)}.`;
  chart.render({
    duration: run.duration, yMax: Math.max(1, highest.value) * 1.1, yFormat: formatCount, summary: text,
    draw({ data, x, y }) {
      svg('path', { d: stepPath(tokens, x, y), class: 'sim-line sim-line-tokens' }, data);
    },
  });
}
