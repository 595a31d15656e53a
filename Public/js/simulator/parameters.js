// Describes how each config key is edited: label, range, unit and group. Keys come from the API's
// effective config, so a key the table does not know still gets a sensible control.

/** Control groups in display order; a key joins the first group whose prefix matches. */
export const GROUPS = [
  { id: 'load', title: 'Load', prefixes: ['load', 'clients', 'client', 'arrival', 'traffic'] },
  { id: 'downstream', title: 'Inventory service', prefixes: ['downstream', 'inventory', 'service', 'capacity', 'latency'] },
  { id: 'faults', title: 'Fault schedule', prefixes: ['faults', 'fault', 'outage', 'errors', 'latencySpike', 'schedule'] },
  { id: 'timeout', title: 'Timeout', prefixes: ['timeout'] },
  { id: 'retry', title: 'Retry', prefixes: ['retry'] },
  { id: 'bulkhead', title: 'Bulkhead', prefixes: ['bulkhead'] },
  { id: 'breaker', title: 'Circuit breaker', prefixes: ['breaker', 'circuitBreaker'] },
  { id: 'other', title: 'Other', prefixes: [] },
];

const PERCENT = { min: 0, max: 100, step: 1, unit: '%' };
const MILLISECONDS = (max, step = 10, min = 0) => ({ min, max, step, unit: 'ms' });
const SECONDS = (max) => ({ min: 0, max, step: 1, unit: 's' });
const COUNT = (max, min = 0) => ({ min, max, step: 1, unit: '' });

/** Known keys by their last segment (with the group where the name alone is ambiguous). */
const KNOWN = {
  // breaker
  enabled: { label: 'Enabled', kind: 'boolean' },
  failureRateThreshold: { label: 'Failure-rate threshold', ...PERCENT, min: 1 },
  slowCallRateThreshold: { label: 'Slow-call-rate threshold', ...PERCENT, min: 1 },
  slowCallDurationMs: { label: 'Slow-call duration', ...MILLISECONDS(10000, 10, 1) },
  minimumNumberOfCalls: { label: 'Minimum number of calls', ...COUNT(200, 1) },
  slidingWindowType: { label: 'Sliding window type', kind: 'choice', options: ['countBased', 'timeBased'] },
  slidingWindowSize: { label: 'Sliding window size', ...COUNT(200, 1), unitHint: 'calls or seconds' },
  waitDurationInOpenMs: { label: 'Wait in open state', ...MILLISECONDS(60000, 100, 0) },
  permittedCallsInHalfOpen: { label: 'Half-open probes', ...COUNT(50, 1) },
  maxWaitInHalfOpenMs: { label: 'Half-open maximum wait', ...MILLISECONDS(60000, 100) },
  maxWaitDurationInHalfOpenMs: { label: 'Half-open maximum wait', ...MILLISECONDS(60000, 100) },
  openBackoffMultiplier: { label: 'Open-wait backoff multiplier', min: 1, max: 5, step: 0.1, unit: '×' },
  maxWaitDurationInOpenMs: { label: 'Longest open wait', ...MILLISECONDS(300000, 1000) },
  mode: { label: 'Mode', kind: 'choice', options: ['normal', 'forcedOpen', 'disabled', 'metricsOnly'] },
  state: { label: 'Forced state', kind: 'choice', options: ['normal', 'forcedOpen', 'disabled', 'metricsOnly'] },
  // retry
  maxAttempts: { label: 'Maximum attempts (incl. first)', ...COUNT(10, 1) },
  backoff: { label: 'Backoff', kind: 'choice', options: ['none', 'exponential', 'fullJitter', 'equalJitter', 'decorrelatedJitter'] },
  jitter: { label: 'Backoff jitter', kind: 'choice', options: ['none', 'full', 'equal', 'decorrelated'] },
  baseDelayMs: { label: 'Base delay', ...MILLISECONDS(5000, 10) },
  initialDelayMs: { label: 'Initial delay', ...MILLISECONDS(5000, 10) },
  maxDelayMs: { label: 'Backoff cap', ...MILLISECONDS(30000, 100) },
  capMs: { label: 'Backoff cap', ...MILLISECONDS(30000, 100) },
  budgetEnabled: { label: 'Retry budget', kind: 'boolean' },
  budgetTokens: { label: 'Budget size', ...COUNT(1000, 0), unit: 'tokens' },
  tokenBucketSize: { label: 'Budget size', ...COUNT(1000, 0), unit: 'tokens' },
  budgetCapacity: { label: 'Budget size', ...COUNT(1000, 0), unit: 'tokens' },
  retryCost: { label: 'Token cost per retry', ...COUNT(50, 0), unit: 'tokens' },
  timeoutRetryCost: { label: 'Token cost per timeout retry', ...COUNT(50, 0), unit: 'tokens' },
  successRefund: { label: 'Tokens refunded per success', ...COUNT(10, 0), unit: 'tokens' },
  // bulkhead
  maxConcurrentCalls: { label: 'Maximum concurrent calls', ...COUNT(500, 1) },
  maxWaitMs: { label: 'Maximum wait for a slot', ...MILLISECONDS(5000, 10) },
  // timeout
  durationMs: { label: 'Timeout', ...MILLISECONDS(10000, 10, 1) },
  timeoutMs: { label: 'Timeout', ...MILLISECONDS(10000, 10, 1) },
  // load
  arrivalRate: { label: 'Arrival rate', min: 1, max: 1000, step: 1, unit: 'requests/s' },
  requestsPerSecond: { label: 'Arrival rate', min: 1, max: 2000, step: 1, unit: 'requests/s' },
  ratePerSecond: { label: 'Arrival rate', min: 1, max: 1000, step: 1, unit: 'requests/s' },
  // downstream
  capacity: { label: 'Capacity (concurrency)', ...COUNT(500, 1) },
  concurrency: { label: 'Capacity (concurrency)', ...COUNT(500, 1) },
  maxConcurrency: { label: 'Capacity (concurrency)', ...COUNT(500, 1) },
  latencyMs: { label: 'Latency', ...MILLISECONDS(5000, 5, 1) },
  meanLatencyMs: { label: 'Mean latency', ...MILLISECONDS(5000, 5, 1) },
  medianLatencyMs: { label: 'Median latency', ...MILLISECONDS(5000, 5, 1) },
  latencyP50Ms: { label: 'Latency p50', ...MILLISECONDS(1000, 1, 1) },
  latencyP99Ms: { label: 'Latency p99', ...MILLISECONDS(2000, 1, 1) },
  latencyJitterMs: { label: 'Latency jitter', ...MILLISECONDS(5000, 5) },
  latencySpreadMs: { label: 'Latency spread', ...MILLISECONDS(5000, 5) },
  baseErrorRate: { label: 'Background error rate', ...PERCENT },
  errorRate: { label: 'Error rate', ...PERCENT },
  errorPercent: { label: 'Background error rate', ...PERCENT },
  queueLimit: { label: 'Queue limit', ...COUNT(10000, 0), unit: 'requests' },
  outages: { label: 'Outages' },
  errorWindows: { label: 'Error windows' },
  latencySpikes: { label: 'Latency spikes' },
  outageFailureLatencyMs: { label: 'Failure latency during an outage', ...MILLISECONDS(1000, 1) },
  // faults
  startSeconds: { label: 'Starts at', ...SECONDS(3600) },
  endSeconds: { label: 'Ends at', ...SECONDS(3600) },
  startS: { label: 'Starts at', ...SECONDS(3600) },
  endS: { label: 'Ends at', ...SECONDS(3600) },
  start: { label: 'Starts at', ...SECONDS(3600) },
  end: { label: 'Ends at', ...SECONDS(3600) },
  extraLatencyMs: { label: 'Extra latency', ...MILLISECONDS(10000, 10) },
  addedLatencyMs: { label: 'Extra latency', ...MILLISECONDS(10000, 10) },
  latencyMultiplier: { label: 'Latency multiplier', min: 1, max: 50, step: 0.5, unit: '×' },
  kind: { label: 'Kind', kind: 'choice', options: ['outage', 'errorRate', 'latencySpike'] },
};

const SPECIAL_LABELS = {
  'outage': 'Outage', 'errors': 'Error window', 'errorRateWindow': 'Error window', 'latencySpike': 'Latency spike',
};

/** Splits `retry.baseDelayMs` into words for labels of unknown keys: "Base delay ms". */
function humanize(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Returns the group id for a dotted key. */
export function groupOf(key) {
  const head = key.split('.')[0];
  const group = GROUPS.find((candidate) => candidate.prefixes.includes(head));
  return group ? group.id : 'other';
}

/** Describes the control for one key of the effective config. */
export function describeParameter(key, value) {
  const parts = key.split('.');
  const last = parts[parts.length - 1];
  const known = KNOWN[last];
  // Fault windows are named by their middle segment (`faults.outage.startSeconds`, `faults.0.startSeconds`).
  const middle = parts.length > 2 ? parts[parts.length - 2] : null;
  const context = middle && (SPECIAL_LABELS[middle] ?? (/^\d+$/.test(middle) ? `Fault ${Number(middle) + 1}` : humanize(middle)));
  const base = known ?? inferred(last, value);
  const kind = Array.isArray(value) ? 'list' : base.kind ?? (typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'text');
  const knownOrder = Object.keys(KNOWN).indexOf(last);
  const description = { key, group: groupOf(key), ...base, kind, order: knownOrder < 0 ? 1000 : knownOrder };
  description.label = context && parts[0] !== 'breaker' && groupOf(key) === 'faults' ? `${context}: ${base.label.toLowerCase()}` : base.label;
  if (last === 'enabled' && parts.length > 1) {
    const group = GROUPS.find((candidate) => candidate.id === description.group);
    description.label = `${group && group.id !== 'other' ? group.title : humanize(parts[0])} enabled`;
  }
  if (kind === 'number' && typeof value === 'number') {
    // Keep the preset's value reachable even when it lies outside the table's range.
    if (value > description.max) description.max = niceCeiling(value * 2);
    if (value < description.min) description.min = Math.floor(value);
    if (!Number.isInteger(value) && description.step >= 1) description.step = 0.01;
  }
  if (kind === 'choice' && value != null && !description.options.includes(value)) {
    description.options = [value, ...description.options];
  }
  return description;
}

function inferred(name, value) {
  const label = humanize(name.replace(/(Ms|Seconds|Percent)$/, ''));
  if (typeof value === 'boolean') return { label, kind: 'boolean' };
  if (typeof value === 'string') return { label, kind: 'text' };
  if (/Percent$|Rate$|Threshold$/.test(name) && value <= 100) return { label, ...PERCENT };
  if (/Ms$/.test(name)) return { label, ...MILLISECONDS(niceCeiling(Math.max(1000, value * 4)), 10) };
  if (/Seconds$/.test(name)) return { label, ...SECONDS(niceCeiling(Math.max(60, value * 4))) };
  const integral = Number.isInteger(value);
  return { label, min: 0, max: niceCeiling(Math.max(10, value * 4)), step: integral ? 1 : 0.01, unit: '' };
}

/** Rounds up to 1, 2 or 5 times a power of ten. */
export function niceCeiling(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

/** Parses a value typed into a control (or read from the URL) into the type of the preset's value. */
export function parseValue(text, like) {
  if (Array.isArray(like) || (like && typeof like === 'object')) {
    if (typeof text !== 'string') return text;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (typeof like === 'boolean') return text === true || text === 'true' || text === '1' || text === 'on';
  if (typeof like === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (text === 'true' || text === 'false') return text === 'true';
  if (text !== '' && Number.isFinite(Number(text)) && like === undefined) return Number(text);
  return text;
}
