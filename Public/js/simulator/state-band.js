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
