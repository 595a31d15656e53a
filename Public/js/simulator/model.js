// Turns the simulation API's answer into flat, column-oriented arrays the charts can draw.
// The API is ours: every field is read by the name the server writes (SimulationReport and SeriesBucket),
// with no aliases and no guessing of units or scales; an unknown outcome or state is an error.

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

/** Maps an outcome name from the API to one of OUTCOMES; a name the API does not send is an error, not a failure. */
export function normalizeOutcome(name) {
  if (!OUTCOMES.includes(name)) throw new Error(`unknown call outcome from the simulation API: ${name}`);
  return name;
}

/** The breaker states the API sends (`SeriesBucket.breakerState`, transitions and calls), as STATE_LABELS keys. */
export function normalizeState(name) {
  if (!(name in STATE_LABELS)) throw new Error(`unknown breaker state from the simulation API: ${name}`);
  return name;
}

/** Reads the first present value among dotted paths (the API's own names; callers pass one path). */
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

// Each chart field and the one `SeriesBucket` field it is read from (Sources/BreakerSimulator/Report/SeriesBucket.swift).
const SERIES_FIELDS = {
  offered: 'offered',
  succeeded: 'succeeded',
  failed: 'failed',
  timedOut: 'timedOut',
  rejectedByBreaker: 'rejectedByBreaker',
  rejectedByBulkhead: 'rejectedByBulkhead',
  firstTries: 'downstreamFirstTries',
  retries: 'downstreamRetries',
  // Percentages (0–100) as the API sends them: never rescaled.
  failureRate: 'failureRate',
  slowRate: 'slowCallRate',
  belowMinimum: 'belowMinimumCalls',
  callerP50: 'callerLatencyP50Ms',
  callerP99: 'callerLatencyP99Ms',
  downstreamP50: 'downstreamLatencyP50Ms',
  downstreamP99: 'downstreamLatencyP99Ms',
  bulkhead: 'bulkheadInUse',
  bulkheadWaiting: 'bulkheadWaiting',
  queueDepth: 'downstreamQueueDepth',
  retryTokens: 'retryTokens',
  state: 'breakerState',
};

/** Turns the API's series rows into arrays of equal length, one entry per second. */
function normalizeSeries(rows) {
  const result = { t: rows.map((row) => row.t) };
  for (const [name, field] of Object.entries(SERIES_FIELDS)) result[name] = rows.map((row) => row[field] ?? null);
  result.state = result.state.map((state) => normalizeState(state));
  result.belowMinimum = result.belowMinimum.map(Boolean);
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

/** The whole run in the shape the charts and summaries share; times in transitions and calls are seconds. */
export function normalizeRun(json, durationSeconds) {
  const series = normalizeSeries(json.series ?? []);
  const duration = Math.max(durationSeconds ?? 0, series.t.length, ...series.t.map((t) => t + 1));
  const transitions = (json.transitions ?? []).map((item) => ({
    t: item.t,
    from: normalizeState(item.from),
    to: normalizeState(item.to),
  }));
  const calls = Array.isArray(json.calls)
    ? json.calls.map((call) => ({
        t: call.t,
        request: call.request,
        attempt: call.attempt,
        outcome: normalizeOutcome(call.outcome),
        state: normalizeState(call.state),
        reachedDownstream: call.reachedDownstream,
        latencyMs: call.latencyMs,
      }))
    : null;
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

/** Finds a config value by its dotted key, as the API's `config` names it. */
export function configValue(run, keys) {
  for (const key of keys) if (run.flatConfig[key] !== undefined) return run.flatConfig[key];
  return undefined;
}
