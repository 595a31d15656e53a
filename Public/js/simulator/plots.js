// The simulator's plots for one run: breaker state band, outcome strip, failure % against its
// threshold, caller vs downstream latency, downstream load against capacity, goodput, bulkhead
// occupancy and retry tokens. Each plot's caption is a sentence for screen readers and skimmers.

import { Chart, linePath, stackedBarPaths, svg } from './charts.js';
import { OUTCOMES, OUTCOME_LABELS, STATE_LABELS, configValue, pick } from './model.js';
import {
  formatCount, formatMilliseconds, formatMillisecondsTick, formatPercent, formatSeconds, peak, sum,
} from './format.js';
import { drawBulkhead, drawGoodput, drawLoad, drawQueue, drawTokens } from './load-plots.js';
import { FAULT_LABELS, describeFaults, describeTransitions, faultWindows, stateSegments } from './state-band.js';

const OUTCOME_LEGEND = OUTCOMES.map((outcome) => ({ className: `sim-outcome-${outcome}`, label: OUTCOME_LABELS[outcome] }));
const ATTEMPT_ROWS = 3;

/** Every chart for one run, stacked in a column. `compact` keeps the three that tell the story. */
export class RunPlots {
  constructor(parent, { compact = false } = {}) {
    this.compact = compact;
    this.root = document.createElement('div');
    this.root.className = 'sim-plots';
    parent.appendChild(this.root);
    this.charts = {
      state: new Chart(this.root, {
        title: 'Fault schedule and breaker state', height: 64, className: 'sim-chart-state',
        legend: ['closed', 'open', 'halfOpen', 'forcedOpen', 'disabled']
          .map((state) => ({ className: `sim-state-${state}`, label: STATE_LABELS[state] }))
          .concat(['outage', 'errors', 'latency'].map((category) => ({ className: `sim-fault-${category}`, label: FAULT_LABELS[category] }))),
      }),
      outcomes: new Chart(this.root, { title: 'Outcomes', height: compact ? 96 : 110, legend: OUTCOME_LEGEND }),
    };
    if (!compact) {
      this.charts.failure = new Chart(this.root, {
        title: 'Failure % and slow-call % against thresholds', height: 120,
        legend: [
          { className: 'sim-line-failure', label: 'failure %' },
          { className: 'sim-line-slow', label: 'slow-call %' },
          { className: 'sim-threshold', label: 'threshold' },
          { className: 'sim-below-minimum', label: 'below minimum volume' },
        ],
      });
      this.charts.latency = new Chart(this.root, {
        title: 'Latency: caller vs inventory service (log scale)', height: 130,
        legend: [
          { className: 'sim-line-caller', label: 'caller p50 / p99' },
          { className: 'sim-line-downstream', label: 'downstream p50 / p99' },
          { className: 'sim-threshold', label: 'timeout' },
        ],
      });
    }
    this.charts.load = new Chart(this.root, {
      title: 'Downstream load: first tries and retries', height: compact ? 96 : 120,
      legend: [
        { className: 'sim-first-try', label: 'first tries' },
        { className: 'sim-retry', label: 'retries' },
        { className: 'sim-capacity', label: 'capacity' },
      ],
    });
    if (!compact) {
      this.charts.goodput = new Chart(this.root, {
        title: 'Goodput vs offered load', height: 100,
        legend: [{ className: 'sim-outcome-succeeded', label: 'succeeded' }, { className: 'sim-line-offered', label: 'offered' }],
      });
      this.charts.bulkhead = new Chart(this.root, {
        title: 'Bulkhead occupancy', height: 100,
        legend: [
          { className: 'sim-line-bulkhead', label: 'calls in flight' },
          { className: 'sim-line-waiting', label: 'waiting for a slot' },
          { className: 'sim-threshold', label: 'maximum' },
        ],
      });
      this.charts.queue = new Chart(this.root, {
        title: 'Inventory queue depth', height: 90,
        legend: [{ className: 'sim-line-queue', label: 'longest queue in the second' }],
      });
      this.charts.tokens = new Chart(this.root, {
        title: 'Retry-budget tokens', height: 90,
        legend: [{ className: 'sim-line-tokens', label: 'tokens left' }],
      });
    }
  }

  /** Draws a run. */
  render(run) {
    this.run = run;
    drawState(this.charts.state, run);
    drawOutcomes(this.charts.outcomes, run);
    drawLoad(this.charts.load, run);
    if (this.compact) return;
    drawFailure(this.charts.failure, run);
    drawLatency(this.charts.latency, run);
    drawGoodput(this.charts.goodput, run);
    drawBulkhead(this.charts.bulkhead, run);
    drawQueue(this.charts.queue, run);
    drawTokens(this.charts.tokens, run);
  }

  setCursor(t) {
    for (const chart of Object.values(this.charts)) chart.setCursor(t);
  }

  /** Gives the same y scale to each pair of charts in two columns (A/B), redrawing where it changed. */
  static shareScales(columns) {
    for (const name of Object.keys(columns[0].charts)) {
      const charts = columns.map((plots) => plots.charts[name]).filter((chart) => chart?.spec && chart.spec.shareScale !== false);
      const shared = Math.max(...charts.map((chart) => chart.naturalYMax ?? 0));
      for (const chart of charts) {
        if (chart.yFloor === shared) continue;
        chart.yFloor = shared;
        chart.render(chart.spec);
      }
    }
  }

  clearSharedScales() {
    for (const chart of Object.values(this.charts)) chart.yFloor = 0;
  }
}

/** Two lanes: the scheduled faults (always shown: they are the cause) and the breaker state (revealed). */
function drawState(chart, run) {
  const segments = stateSegments(run);
  const faults = faultWindows(run);
  chart.render({
    duration: run.duration, yMax: 1, hideYAxis: true, margin: { top: 4 },
    summary: `${describeFaults(faults)} ${describeTransitions(run)}`,
    draw({ data, overlay, x, y, margin }) {
      const laneTop = y(0.62);
      faults.forEach((window, index) => {
        const lane = faults.length > 1 ? index % 2 : 0;
        const top = y(1) + lane * ((y(0.68) - y(1)) / 2);
        const height = faults.length > 1 ? (y(0.68) - y(1)) / 2 - 1 : y(0.68) - y(1);
        svg('rect', { x: x(window.start), y: top, width: Math.max(1, x(window.end) - x(window.start)), height, class: `sim-fault sim-fault-${window.category}` }, overlay);
      });
      svg('text', { x: margin.left - 6, y: (y(1) + y(0.68)) / 2 + 4, class: 'sim-tick sim-tick-y' }, overlay, 'faults');
      svg('text', { x: margin.left - 6, y: (laneTop + y(0)) / 2 + 4, class: 'sim-tick sim-tick-y' }, overlay, 'breaker');
      for (const segment of segments) {
        const left = x(segment.start);
        const width = Math.max(1, x(segment.end) - left);
        svg('rect', { x: left, y: laneTop, width, height: y(0) - laneTop, class: `sim-state-${segment.state}` }, data);
        if (width > 44) {
          svg('text', { x: left + width / 2, y: (y(0) + laneTop) / 2 + 4, class: 'sim-state-label' }, data,
            STATE_LABELS[segment.state] ?? segment.state);
        }
      }
    },
  });
}

function drawOutcomes(chart, run) {
  const { series, summary, calls } = run;
  const totals = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, pick(summary, [outcome], sum(series[outcome]))]));
  const offered = pick(summary, ['offered'], sum(series.offered));
  const parts = OUTCOMES.map((outcome) => `${formatCount(totals[outcome])} ${OUTCOME_LABELS[outcome].toLowerCase()}`);
  let text = `${formatCount(offered)} requests by final outcome: ${parts.join(', ')}.`;
  if (calls) {
    chart.titleNode.textContent = 'Outcome strip: one tick per attempt (rows: first try, retry 1, retry 2+)';
    text += ` The strip shows ${formatCount(calls.length)} attempts.`;
    chart.render({
      duration: run.duration, yMax: ATTEMPT_ROWS, hideYAxis: true, summary: text, shareScale: false,
      draw({ data, x, y }) {
        const rowHeight = y(0) - y(1);
        const paths = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, '']));
        for (const call of calls) {
          const row = Math.min(call.attempt, ATTEMPT_ROWS) - 1;
          const jitter = ((call.request * 2654435761) % 1000) / 1000;
          const top = y(ATTEMPT_ROWS - row) + 2 + jitter * Math.max(0, rowHeight - 10);
          paths[call.outcome] += `M${x(call.t).toFixed(1)},${top.toFixed(1)}v6`;
        }
        for (let row = 1; row < ATTEMPT_ROWS; row += 1) {
          svg('line', { x1: x(0), x2: x(run.duration), y1: y(row), y2: y(row), class: 'sim-grid' }, data);
        }
        for (const outcome of OUTCOMES) {
          if (paths[outcome]) svg('path', { d: paths[outcome], class: `sim-tick-mark sim-outcome-${outcome}` }, data);
        }
      },
    });
    return;
  }
  chart.titleNode.textContent = 'Outcomes per second (final outcome of each request)';
  const layers = OUTCOMES.map((outcome) => series[outcome]);
  const perSecond = series.t.map((_, index) => sum(layers.map((layer) => layer[index])));
  chart.render({
    duration: run.duration, yMax: Math.max(1, ...perSecond) * 1.05, summary: text, yFormat: formatCount,
    draw({ data, x, y }) {
      stackedBarPaths(layers, x, y).forEach((d, index) => {
        if (d) svg('path', { d, class: `sim-bar sim-outcome-${OUTCOMES[index]}` }, data);
      });
    },
  });
}

function drawFailure(chart, run) {
  const { series } = run;
  const threshold = configValue(run, ['breaker.failureRateThreshold']);
  const slowThreshold = configValue(run, ['breaker.slowCallRateThreshold']);
  const breakerEnabled = configValue(run, ['breaker.enabled']) !== false;
  const failurePeak = peak(series.failureRate);
  const belowSeconds = breakerEnabled ? series.belowMinimum.filter(Boolean).length : 0;
  let text = failurePeak.value == null
    ? 'The breaker recorded no failure rate.'
    : `Failure rate peaked at ${formatPercent(failurePeak.value)} at ${formatSeconds(failurePeak.index)}`;
  if (failurePeak.value != null) text += threshold != null ? ` against a ${formatPercent(threshold)} threshold.` : '.';
  const slowPeak = peak(series.slowRate);
  if (slowPeak.value) text += ` Slow-call rate peaked at ${formatPercent(slowPeak.value)}${slowThreshold != null ? ` (threshold ${formatPercent(slowThreshold)})` : ''}.`;
  text += belowSeconds ? ` Below the minimum number of calls for ${belowSeconds} s (shaded).` : '';
  if (!breakerEnabled) text = 'The breaker is disabled: it records no failure or slow-call rate.';
  chart.render({
    duration: run.duration, yMax: 100, yFormat: (value) => `${value}%`, summary: text,
    draw({ data, overlay, x, y }) {
      if (!breakerEnabled) return;
      series.belowMinimum.forEach((below, index) => {
        if (below) svg('rect', { x: x(index), y: y(100), width: x(index + 1) - x(index), height: y(0) - y(100), class: 'sim-below-minimum' }, data);
      });
      svg('path', { d: linePath(series.slowRate, x, y), class: 'sim-line sim-line-slow' }, data);
      svg('path', { d: linePath(series.failureRate, x, y), class: 'sim-line sim-line-failure' }, data);
      if (threshold != null) svg('line', { x1: x(0), x2: x(run.duration), y1: y(threshold), y2: y(threshold), class: 'sim-threshold' }, overlay);
      if (slowThreshold != null && slowThreshold < 100) {
        svg('line', { x1: x(0), x2: x(run.duration), y1: y(slowThreshold), y2: y(slowThreshold), class: 'sim-threshold sim-threshold-slow' }, overlay);
      }
    },
  });
}

function drawLatency(chart, run) {
  const { series, summary } = run;
  const timeout = configValue(run, ['timeout.durationMs']);
  const timeoutEnabled = configValue(run, ['timeout.enabled']) !== false;
  const values = [series.callerP99, series.downstreamP99, series.callerP50, series.downstreamP50].flat().filter((v) => v != null);
  // Log scale: a retry storm's seconds and a healthy service's milliseconds fit on one chart.
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(10, ...values, timeoutEnabled && timeout ? timeout * 1.1 : 0) * 1.05));
  const positive = values.filter((value) => value > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(yMax / 100, ...positive))));
  const callerPeak = peak(series.callerP99);
  const downstreamPeak = peak(series.downstreamP99);
  const callerP50 = pick(summary, ['callerLatencyP50Ms']);
  const callerP99 = pick(summary, ['callerLatencyP99Ms']);
  const downP50 = pick(summary, ['downstreamLatencyP50Ms']);
  const downP99 = pick(summary, ['downstreamLatencyP99Ms']);
  let text = `Over the run the caller saw p50 ${formatMilliseconds(callerP50)} and p99 ${formatMilliseconds(callerP99)}; `
    + `the inventory service p50 ${formatMilliseconds(downP50)} and p99 ${formatMilliseconds(downP99)}.`;
  if (callerPeak.value != null) text += ` Caller p99 peaked at ${formatMilliseconds(callerPeak.value)} at ${formatSeconds(callerPeak.index)}`;
  if (downstreamPeak.value != null) text += `, downstream p99 at ${formatMilliseconds(downstreamPeak.value)}.`;
  chart.render({
    duration: run.duration, yMax, yMin, logScale: true, yFormat: formatMillisecondsTick, summary: text,
    draw({ data, overlay, x, y }) {
      svg('path', { d: linePath(series.downstreamP50, x, y), class: 'sim-line sim-line-downstream sim-line-thin' }, data);
      svg('path', { d: linePath(series.downstreamP99, x, y), class: 'sim-line sim-line-downstream' }, data);
      svg('path', { d: linePath(series.callerP50, x, y), class: 'sim-line sim-line-caller sim-line-thin' }, data);
      svg('path', { d: linePath(series.callerP99, x, y), class: 'sim-line sim-line-caller' }, data);
      if (timeout && timeoutEnabled) svg('line', { x1: x(0), x2: x(run.duration), y1: y(timeout), y2: y(timeout), class: 'sim-threshold' }, overlay);
    },
  });
}
