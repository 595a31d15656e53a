// Normalises the simulation API's answer into flat, column-oriented arrays the charts can draw.
// The field names follow issue 4 §4; aliases absorb small naming differences in the engine's JSON
// so that a rename there costs one line here, not a broken page.

/** The outcomes the charts colour, in drawing order (Hystrix colours, see simulator.css). */
export const OUTCOMES = ['succeeded', 'failed', 'timedOut', 'rejectedByBreaker', 'rejectedByBulkhead'];

export const OUTCOME_LABELS = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  timedOut: 'Timed out',
  rejectedByBreaker: 'Short-circuited (breaker)',
  rejectedByBulkhead: 'Rejected (bulkhead)',
};

export const STATE_LABELS = {
  closed: 'closed',
  open: 'open',
  halfOpen: 'half-open',
  forcedOpen: 'forced open',
  disabled: 'disabled',
  metricsOnly: 'metrics only',
};

const OUTCOME_ALIASES = {
  success: 'succeeded', succeeded: 'succeeded', ok: 'succeeded',
  failure: 'failed', failed: 'failed', error: 'failed',
  timeout: 'timedOut', timedOut: 'timedOut', timedout: 'timedOut',
  rejectedByBreaker: 'rejectedByBreaker', shortCircuited: 'rejectedByBreaker', notPermitted: 'rejectedByBreaker',
  callNotPermitted: 'rejectedByBreaker', breakerRejected: 'rejectedByBreaker',
  rejectedByBulkhead: 'rejectedByBulkhead', bulkheadFull: 'rejectedByBulkhead', bulkheadRejected: 'rejectedByBulkhead',
  rejected: 'rejectedByBulkhead',
};

/** Maps an outcome name from the API to one of OUTCOMES (unknown names count as failures). */
export function normalizeOutcome(name) {
  return OUTCOME_ALIASES[name] ?? OUTCOME_ALIASES[String(name).replace(/[-_ ](\w)/g, (_, c) => c.toUpperCase())] ?? 'failed';
}

/** Maps a breaker state name to the API's camelCase spelling. */
export function normalizeState(name) {
  if (name == null) return 'closed';
  const camel = String(name).replace(/[-_ ](\w)/g, (_, c) => c.toUpperCase());
  const lower = camel.charAt(0).toLowerCase() + camel.slice(1);
  return lower === 'halfopen' ? 'halfOpen' : lower === 'forcedopen' ? 'forcedOpen' : lower;
}

/** Reads the first present value among dotted paths. */
export function pick(object, paths, fallback = undefined) {
  for (const path of paths) {
    let value = object;
    for (const part of path.split('.')) {
      if (value == null) break;
      value = value[part];
    }
    if (value !== undefined && value !== null) return value;
  }
  return fallback;
}

const SERIES_FIELDS = {
  offered: ['offered', 'requests', 'outcomes.offered'],
  succeeded: ['succeeded', 'outcomes.succeeded', 'outcomes.success', 'success'],
  failed: ['failed', 'outcomes.failed', 'outcomes.failure', 'failure'],
  timedOut: ['timedOut', 'outcomes.timedOut', 'outcomes.timeout', 'timeout'],
  rejectedByBreaker: ['rejectedByBreaker', 'outcomes.rejectedByBreaker', 'shortCircuited'],
  rejectedByBulkhead: ['rejectedByBulkhead', 'outcomes.rejectedByBulkhead', 'bulkheadRejected'],
  firstTries: ['downstreamFirstTries', 'firstTries', 'downstream.firstTries', 'downstreamFirstAttempts', 'firstAttempts'],
  retries: ['downstreamRetries', 'retries', 'downstream.retries', 'retryAttempts'],
  failureRate: ['failureRate', 'failureRatePercent', 'failurePercent', 'breaker.failureRate'],
  slowRate: ['slowCallRate', 'slowCallRatePercent', 'slowRate', 'slowPercent', 'breaker.slowCallRate'],
  belowMinimum: ['belowMinimumVolume', 'belowMinimumCalls', 'belowMinimumNumberOfCalls', 'breaker.belowMinimumVolume'],
  callerP50: ['callerLatencyP50Ms', 'callerP50Ms', 'latency.caller.p50Ms', 'callerLatency.p50Ms', 'callerLatency.p50'],
  callerP99: ['callerLatencyP99Ms', 'callerP99Ms', 'latency.caller.p99Ms', 'callerLatency.p99Ms', 'callerLatency.p99'],
  downstreamP50: ['downstreamLatencyP50Ms', 'downstreamP50Ms', 'latency.downstream.p50Ms', 'downstreamLatency.p50Ms', 'downstreamLatency.p50'],
  downstreamP99: ['downstreamLatencyP99Ms', 'downstreamP99Ms', 'latency.downstream.p99Ms', 'downstreamLatency.p99Ms', 'downstreamLatency.p99'],
  bulkhead: ['bulkheadInUse', 'bulkheadOccupancy', 'bulkheadActive', 'bulkhead.inUse', 'bulkhead.occupancy', 'bulkheadMax'],
  bulkheadWaiting: ['bulkheadWaiting', 'bulkhead.waiting'],
  queueDepth: ['downstreamQueueDepth', 'inventoryQueueDepth', 'queueDepth'],
  retryTokens: ['retryTokens', 'retryBudgetTokens', 'tokens', 'retry.tokens'],
  downstreamInFlight: ['downstreamInFlight', 'downstreamConcurrency', 'inventoryInFlight'],
  state: ['state', 'breakerState', 'breaker.state'],
};

/** Turns series rows (or an object of columns) into arrays of equal length, one entry per second. */
function normalizeSeries(series) {
  let rows = series ?? [];
  if (!Array.isArray(rows)) {
    const columns = rows;
    const length = Math.max(0, ...Object.values(columns).filter(Array.isArray).map((column) => column.length));
    rows = Array.from({ length }, (_, index) => {
      const row = {};
      for (const [key, column] of Object.entries(columns)) if (Array.isArray(column)) row[key] = column[index];
      return row;
    });
  }
  const result = { t: rows.map((row, index) => Number(pick(row, ['t', 'second', 'time'], index))) };
  for (const [name, paths] of Object.entries(SERIES_FIELDS)) {
    result[name] = rows.map((row) => pick(row, paths, null));
  }
  result.state = result.state.map((state) => (state == null ? null : normalizeState(state)));
  result.belowMinimum = result.belowMinimum.map(Boolean);
  for (const name of Object.keys(SERIES_FIELDS)) {
    if (name === 'state' || name === 'belowMinimum') continue;
    result[name] = result[name].map((value) => (value == null ? null : Number(value)));
  }
  // Rates may arrive as fractions (0…1) or percentages (0…100): charts use percentages.
  for (const name of ['failureRate', 'slowRate']) {
    const values = result[name].filter((value) => value != null);
    if (values.length && Math.max(...values) <= 1 && !values.every((value) => value === 0)) {
      result[name] = result[name].map((value) => (value == null ? null : value * 100));
    }
  }
  return result;
}

/** Flattens a nested config into dotted keys: `{breaker: {enabled: true}}` → `{"breaker.enabled": true}`. */
export function flattenConfig(config, prefix = '', into = {}) {
  for (const [key, value] of Object.entries(config ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    // Lists (fault windows) stay whole: the API overrides a list as one value.
    if (value && typeof value === 'object' && !Array.isArray(value)) flattenConfig(value, path, into);
    else into[path] = value;
  }
  return into;
}

/** The whole run in the shape the charts and summaries share. */
export function normalizeRun(json, durationSeconds) {
  const series = normalizeSeries(json.series);
  const duration = Math.max(durationSeconds ?? 0, series.t.length, ...series.t.map((t) => t + 1));
  // Times in transitions and calls are seconds; a run whose times exceed the duration is in milliseconds.
  const rawTimes = [...(json.transitions ?? []), ...(json.calls ?? [])].map((item) => Number(item.t ?? 0));
  const timeScale = rawTimes.length && Math.max(...rawTimes.slice(0, 50000)) > duration * 1.5 ? 0.001 : 1;
  const transitions = (json.transitions ?? []).map((item) => ({
    t: Number(item.t ?? item.time ?? 0) * timeScale,
    from: normalizeState(item.from),
    to: normalizeState(item.to),
  }));
  const calls = Array.isArray(json.calls)
    ? json.calls.map((call) => ({
        t: Number(call.t ?? 0) * timeScale,
        request: Number(call.request ?? 0),
        attempt: Number(call.attempt ?? 1),
        outcome: normalizeOutcome(call.outcome),
        state: normalizeState(call.state),
        reachedDownstream: Boolean(call.reachedDownstream),
        latencyMs: Number(call.latencyMs ?? 0),
      }))
    : null;
  if (series.state.every((state) => state == null)) series.state = statesFromTransitions(transitions, series.t);
  return {
    config: json.config ?? {},
    flatConfig: flattenConfig(json.config ?? {}),
    summary: json.summary ?? {},
    series,
    transitions,
    calls,
    duration,
  };
}

/** Rebuilds the per-second state from the transition list when the series does not carry it. */
function statesFromTransitions(transitions, times) {
  return times.map((t) => {
    let state = transitions.length ? transitions[0].from : 'closed';
    for (const transition of transitions) if (transition.t <= t) state = transition.to;
    return state;
  });
}

/** Finds a config value by its last key segment(s), for charts that need e.g. the threshold. */
export function configValue(run, suffixes) {
  for (const suffix of suffixes) {
    if (run.flatConfig[suffix] !== undefined) return run.flatConfig[suffix];
    const key = Object.keys(run.flatConfig).find((candidate) => candidate.endsWith(`.${suffix}`));
    if (key) return run.flatConfig[key];
  }
  return undefined;
}
