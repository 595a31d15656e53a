// Holds one simulator's parameters (preset, seed, duration, A and B overrides), turns them into API
// requests, debounces re-runs while a slider is dragged and drops answers that a newer edit superseded.

import { MAX_CALLS_FOR_TICKS, SimulationError, runSimulation } from './api.js';
import { flattenConfig, normalizeRun } from './model.js';
import { parseValue } from './parameters.js';
import { DEFAULT_STATE } from './url-state.js';

export const DEBOUNCE_MILLISECONDS = 150;
const RATE_KEYS = ['arrivalRate', 'requestsPerSecond', 'ratePerSecond', 'rate'];

export class SimulationSession {
  constructor({ onRuns, onError, onBusy = () => {} }) {
    this.onRuns = onRuns;
    this.onError = onError;
    this.onBusy = onBusy;
    this.state = { ...DEFAULT_STATE, overridesA: {}, overridesB: {} };
    this.presetFlat = {};
    this.timer = null;
    this.controller = null;
    this.sequence = 0;
    this.callsRejectedAt = Infinity;
  }

  /** Selects a preset; `overrides` from a URL are strings and get the preset's value types here. */
  usePreset(preset, { overridesA = {}, overridesB = {}, seed = null, duration = null } = {}) {
    this.state.preset = preset.id;
    this.presetFlat = flattenConfig(preset.config ?? {});
    this.compareOverrides = this.typed(preset.compareOverrides ?? {});
    this.state.seed = seed ?? preset.seed ?? DEFAULT_STATE.seed;
    this.state.duration = duration ?? preset.durationSeconds ?? DEFAULT_STATE.duration;
    this.state.overridesA = this.typed(overridesA);
    this.state.overridesB = this.typed(overridesB);
    this.callsRejectedAt = Infinity;
  }

  /** B's overrides when a comparison starts: the preset's suggested contrast (for example, the breaker off). */
  useCompareDefaults() {
    if (Object.keys(this.state.overridesB).length) return;
    for (const [key, value] of Object.entries(this.compareOverrides)) this.setValue('B', key, value);
    if (Object.keys(this.state.overridesB).length) return;
    const key = Object.keys(this.presetFlat).find((candidate) => /^(breaker|circuitBreaker)\.enabled$/.test(candidate));
    if (key) this.setValue('B', key, !this.effectiveA[key]);
  }

  typed(overrides) {
    return Object.fromEntries(Object.entries(overrides).map(([key, value]) => [key, parseValue(value, this.presetFlat[key])]));
  }

  get effectiveA() {
    return { ...this.presetFlat, ...this.state.overridesA };
  }

  get effectiveB() {
    return { ...this.effectiveA, ...this.state.overridesB };
  }

  /** Records an edit of run A or B; a value equal to its base removes the override. */
  setValue(target, key, value) {
    const overrides = target === 'B' ? this.state.overridesB : this.state.overridesA;
    const base = target === 'B' ? this.effectiveA[key] : this.presetFlat[key];
    if (sameValue(value, base)) delete overrides[key];
    else overrides[key] = value;
    if (target === 'A' && sameValue(this.state.overridesB[key], value)) delete this.state.overridesB[key];
  }

  resetValue(target, key) {
    delete (target === 'B' ? this.state.overridesB : this.state.overridesA)[key];
  }

  /** Runs after the learner stops moving a control for a moment. */
  schedule(delay = DEBOUNCE_MILLISECONDS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  /** Per-attempt ticks are asked for when the run is small enough for the API to list every call. */
  request(overrides, effective) {
    const rate = valueFor(effective, RATE_KEYS) ?? 0;
    const requests = rate * this.state.duration;
    return {
      preset: this.state.preset,
      seed: this.state.seed,
      durationSeconds: this.state.duration,
      overrides,
      includeCalls: rate > 0 && requests * 1.2 <= MAX_CALLS_FOR_TICKS && requests < this.callsRejectedAt,
      estimatedRequests: requests,
    };
  }

  /** Runs A (and B when comparing) now, cancelling any run still in flight. */
  async run() {
    clearTimeout(this.timer);
    if (!this.state.preset) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const sequence = (this.sequence += 1);
    this.onBusy(true);
    const requests = [this.request({ ...this.state.overridesA }, this.effectiveA)];
    if (this.state.compare) {
      requests.push(this.request({ ...this.state.overridesA, ...this.state.overridesB }, this.effectiveB));
    }
    try {
      const answers = await Promise.all(requests.map((body) => this.fetchRun(body, controller.signal)));
      if (sequence !== this.sequence) return;
      const runs = answers.map((json) => normalizeRun(json, this.state.duration));
      this.onError(null);
      this.onRuns({ A: runs[0], B: runs[1] ?? null });
    } catch (error) {
      if (error.name === 'AbortError' || sequence !== this.sequence) return;
      this.onError(error instanceof SimulationError ? error.message : `The simulator could not be reached: ${error.message}`);
    } finally {
      if (sequence === this.sequence) this.onBusy(false);
    }
  }

  /** Asks for per-attempt calls when the run is small; retries without them if the API says the run is too big. */
  async fetchRun(body, signal) {
    const { estimatedRequests, ...payload } = body;
    try {
      return await runSimulation(payload, signal);
    } catch (error) {
      if (body.includeCalls && error instanceof SimulationError && /includeCalls/i.test(error.message)) {
        this.callsRejectedAt = Math.min(this.callsRejectedAt, estimatedRequests);
        return runSimulation({ ...payload, includeCalls: false }, signal);
      }
      throw error;
    }
  }
}

function sameValue(left, right) {
  if (left === right) return true;
  if (left === undefined || right === undefined) return false;
  return JSON.stringify(left) === JSON.stringify(right);
}

function valueFor(flat, suffixes) {
  for (const suffix of suffixes) {
    const key = Object.keys(flat).find((candidate) => candidate === suffix || candidate.endsWith(`.${suffix}`));
    if (key && typeof flat[key] === 'number') return flat[key];
  }
  return null;
}
