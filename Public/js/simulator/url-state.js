// Encodes a simulator run in the query string so that a link restores the same run:
// `?preset=inventory-outage&seed=7&duration=60&breaker.failureRateThreshold=60&compare=1&b.breaker.enabled=false`.
// Plain dotted keys override config A; `b.`-prefixed keys are B's differences from A.

/** Lists (fault windows) travel as JSON; everything else as its plain text. */
export function encodeValue(value) {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const RESERVED = new Set(['preset', 'seed', 'duration', 'compare', 'speed', 't']);
const B_PREFIX = 'b.';

export const DEFAULT_STATE = Object.freeze({
  preset: null,
  seed: 1,
  duration: 60,
  compare: false,
  speed: 5,
  overridesA: {},
  overridesB: {},
});

/** Reads the run's parameters from a query string; values stay strings until the preset's types are known. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULT_STATE, overridesA: {}, overridesB: {} };
  if (params.has('preset')) state.preset = params.get('preset');
  // Without seed or duration in the address, the preset's own values apply.
  state.seed = params.has('seed') ? Number.parseInt(params.get('seed'), 10) || 0 : null;
  state.duration = params.has('duration') ? Number(params.get('duration')) : null;
  if (params.has('speed')) state.speed = Number(params.get('speed')) || DEFAULT_STATE.speed;
  state.compare = params.get('compare') === '1' || params.get('compare') === 'true';
  for (const [key, value] of params) {
    // Config keys are dotted (`breaker.enabled`); anything else (tracking parameters, typos) is not a parameter.
    if (RESERVED.has(key) || !key.includes('.')) continue;
    if (key.startsWith(B_PREFIX)) state.overridesB[key.slice(B_PREFIX.length)] = value;
    else state.overridesA[key] = value;
  }
  return state;
}

/** Writes the run's parameters as a query string (without the leading `?`). */
export function writeState(state) {
  const params = new URLSearchParams();
  if (state.preset) params.set('preset', state.preset);
  params.set('seed', String(state.seed));
  params.set('duration', String(state.duration));
  if (state.speed !== DEFAULT_STATE.speed) params.set('speed', String(state.speed));
  for (const [key, value] of Object.entries(state.overridesA)) params.set(key, encodeValue(value));
  if (state.compare) {
    params.set('compare', '1');
    for (const [key, value] of Object.entries(state.overridesB)) params.set(B_PREFIX + key, encodeValue(value));
  }
  return params.toString();
}

/** The address of the full simulator for a state (used by the embedded widget's "open" link). */
export function simulatorHref(state) {
  return `/simulator?${writeState(state)}`;
}
