// Breaker state over time: segments for the band and the sentence that describes them.

import { STATE_LABELS } from './model.js';
import { formatSeconds } from './format.js';

/** Contiguous `{state, start, end}` segments, from the transitions (sub-second) or the per-second series. */
export function stateSegments(run) {
  const { transitions, series, duration } = run;
  const segments = [];
  if (transitions.length) {
    let state = transitions[0].from;
    let start = 0;
    for (const transition of transitions) {
      if (transition.t > start) segments.push({ state, start, end: transition.t });
      state = transition.to;
      start = Math.max(start, transition.t);
    }
    segments.push({ state, start, end: duration });
    return segments;
  }
  series.state.forEach((state, index) => {
    const last = segments[segments.length - 1];
    if (last && last.state === state) last.end = index + 1;
    else segments.push({ state: state ?? 'closed', start: index, end: index + 1 });
  });
  if (!segments.length) segments.push({ state: 'closed', start: 0, end: duration });
  return segments;
}

const VERBS = {
  open: 'opened', closed: 'closed', halfOpen: 'went half-open', forcedOpen: 'was forced open', disabled: 'was disabled',
  metricsOnly: 'switched to metrics only',
};

/** "Breaker opened at 21 s, went half-open at 26 s and closed at 26.4 s; 3 transitions." */
export function describeTransitions(run) {
  const { transitions } = run;
  if (!transitions.length) {
    const state = run.series.state.find((value) => value != null) ?? 'closed';
    return `Breaker stayed ${STATE_LABELS[state] ?? state} for the whole run; no transitions.`;
  }
  const shown = transitions.slice(0, 5).map((transition) => `${VERBS[transition.to] ?? `became ${transition.to}`} at ${formatSeconds(transition.t)}`);
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
  const more = transitions.length > shown.length ? ', …' : '';
  const openSeconds = stateSegments(run)
    .filter((segment) => segment.state === 'open' || segment.state === 'forcedOpen')
    .reduce((total, segment) => total + (segment.end - segment.start), 0);
  const count = `${transitions.length} transition${transitions.length === 1 ? '' : 's'}`;
  return `Breaker ${list}${more}; ${count}; open for ${formatSeconds(openSeconds)} in total.`;
}

const START_KEYS = { startSeconds: 1, startS: 1, start: 1, from: 1, fromSeconds: 1, startMs: 0.001, fromMs: 0.001 };
const END_KEYS = { endSeconds: 1, endS: 1, end: 1, to: 1, untilSeconds: 1, toSeconds: 1, endMs: 0.001, toMs: 0.001, untilMs: 0.001 };

/** Fault windows found in the effective config: `{category, start, end, fields}` in seconds, empty windows left out. */
export function faultWindows(run) {
  const candidates = [];
  const parents = new Map();
  for (const [key, value] of Object.entries(run.flatConfig)) {
    const parts = key.split('.');
    if (!['fault', 'faults', 'schedule'].includes(parts[0])) continue;
    if (Array.isArray(value)) {
      // The API's shape: `fault.outages`, `fault.errorWindows`, `fault.latencySpikes`, each a list of windows.
      for (const item of value) if (item && typeof item === 'object') candidates.push({ name: parts[parts.length - 1], fields: item });
      continue;
    }
    const parent = parts.slice(0, -1).join('.');
    if (!parents.has(parent)) parents.set(parent, {});
    parents.get(parent)[parts[parts.length - 1]] = value;
  }
  for (const [parent, fields] of parents) candidates.push({ name: parent.split('.').pop(), fields });
  const windows = [];
  for (const { name, fields } of candidates) {
    const startKey = Object.keys(START_KEYS).find((key) => typeof fields[key] === 'number');
    const endKey = Object.keys(END_KEYS).find((key) => typeof fields[key] === 'number');
    if (!startKey || !endKey) continue;
    const start = fields[startKey] * START_KEYS[startKey];
    const end = Math.min(fields[endKey] * END_KEYS[endKey], run.duration);
    if (!(end > start) || start >= run.duration) continue;
    const kind = String(fields.kind ?? fields.type ?? name);
    const category = /outage|down/i.test(kind) ? 'outage' : /latency|slow|spike/i.test(kind) ? 'latency' : 'errors';
    windows.push({ category, start, end, fields });
  }
  return windows.sort((left, right) => left.start - right.start);
}

/** "Faults: outage 20–40 s, latency spike 15–45 s (+1500 ms)." */
export function describeFaults(windows) {
  if (!windows.length) return 'No faults scheduled.';
  const text = windows.map((window) => {
    const percent = Object.entries(window.fields).find(([key]) => /rate|percent/i.test(key))?.[1];
    const extra = Object.entries(window.fields).find(([key]) => /latency/i.test(key))?.[1];
    const detail = window.category === 'errors' && percent != null ? ` (${percent} % errors)`
      : window.category === 'latency' && extra != null ? ` (+${extra} ms)` : '';
    return `${FAULT_LABELS[window.category]} ${formatSeconds(window.start)}–${formatSeconds(window.end)}${detail}`;
  });
  return `Faults: ${text.join(', ')}.`;
}

export const FAULT_LABELS = { outage: 'outage', errors: 'errors', latency: 'latency spike' };
