// Talks to the simulation API (issue 4 §4). Errors carry the server's own message so that the
// controls can show why a value was rejected.

/** Largest run for which the API accepts `includeCalls`. */
export const MAX_CALLS_FOR_TICKS = 20000;

export class SimulationError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'SimulationError';
    this.status = status;
  }
}

let presetsPromise = null;

/** The preset list, fetched once per page and shared by the app and every embedded widget. */
export function fetchPresets() {
  presetsPromise ??= fetch('/api/v1/simulations/presets', { headers: { Accept: 'application/json' } })
    .then(readJSON)
    .then((json) => (Array.isArray(json) ? json : json.presets ?? []))
    .catch((error) => {
      presetsPromise = null;
      throw error;
    });
  return presetsPromise;
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const holder = document.querySelector('[data-csrf-token]');
  return meta?.content || holder?.dataset.csrfToken || '';
}

/** Runs one simulation; `request` is `{preset, seed, durationSeconds, overrides, includeCalls}`. */
export async function runSimulation(request, signal) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  const body = JSON.stringify(request);
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch('/api/v1/simulations', { method: 'POST', headers, body, signal, credentials: 'same-origin' });
    // The server's simulation pool is full: wait as long as it asks (a few times at most), then try again.
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (response.status !== 503 || !(retryAfter > 0) || attempt >= 3) return readJSON(response);
    await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter, 5) * 1000));
    if (signal?.aborted) throw new DOMException('The run was cancelled.', 'AbortError');
  }
}

async function readJSON(response) {
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    const message = json?.error?.message ?? `The simulator answered ${response.status} ${response.statusText}.`;
    throw new SimulationError(message, response.status);
  }
  return json;
}
