// The full /simulator page: preset and run controls, every parameter, A/B comparison on one seed,
// playback, the plots and the run summary. The query string mirrors the run so it can be shared.

import { fetchPresets } from './api.js';
import { element } from './charts.js';
import { ParameterPanel } from './controls.js';
import { STATE_LABELS } from './model.js';
import { Playback } from './playback.js';
import { RunPlots } from './plots.js';
import { describeRun, renderRunTable } from './run-table.js';
import { SimulationSession } from './session.js';
import { encodeValue, readState, writeState } from './url-state.js';

const NARROW = '(max-width: 420px)';

export async function mountApp(root) {
  root.classList.add('sim-app');
  root.replaceChildren();
  const app = new SimulatorApp(root);
  await app.start();
  return app;
}

class SimulatorApp {
  constructor(root) {
    this.root = root;
    this.editing = 'A';
    this.runs = null;
    this.session = new SimulationSession({
      onRuns: (runs) => this.showRuns(runs),
      onError: (message) => this.showError(message),
      onBusy: (busy) => {
        this.root.setAttribute('aria-busy', busy ? 'true' : 'false');
        this.status.textContent = busy ? 'Running…' : '';
      },
    });
    this.buildToolbar();
    this.errorBox = element('div', { class: 'sim-error', role: 'alert', hidden: true }, root);
    const layout = element('div', { class: 'sim-layout' }, root);
    const controls = element('section', { class: 'sim-controls', 'aria-labelledby': 'sim-controls-title' }, layout);
    element('h2', { id: 'sim-controls-title', class: 'sim-heading' }, controls, 'Parameters');
    this.editingNote = element('p', { class: 'sim-editing-note' }, controls);
    this.panel = new ParameterPanel(controls, {
      onChange: (key, value) => this.edit(key, value),
      onReset: (key) => this.reset(key),
    });
    const main = element('section', { class: 'sim-main', 'aria-label': 'Simulation results' }, layout);
    const top = element('div', { class: 'sim-top' }, main);
    this.explanation = element('aside', { class: 'sim-explanation', 'aria-labelledby': 'sim-watch-title' }, top);
    this.summaryBox = element('div', { class: 'sim-summary' }, top);
    this.liveRegion = element('p', { class: 'sim-visually-hidden', 'aria-live': 'polite' }, main);
    this.playback = new Playback(main, {
      onCursor: (t) => this.moveCursor(t),
      describe: (t) => this.describeMoment(t),
    });
    this.playback.onSpeed = (speed) => {
      this.session.state.speed = speed;
      this.writeURL();
    };
    this.columns = element('div', { class: 'sim-runs' }, main);
    this.columnA = this.makeColumn('A');
    this.columnB = this.makeColumn('B');
    this.watchNarrowScreens();
  }

  buildToolbar() {
    const bar = element('form', { class: 'sim-toolbar', 'aria-label': 'Run' }, this.root);
    bar.addEventListener('submit', (event) => event.preventDefault());
    const preset = element('div', { class: 'sim-toolbar-item' }, bar);
    element('label', { for: 'sim-preset' }, preset, 'Preset');
    this.presetSelect = element('select', { id: 'sim-preset', name: 'preset' }, preset);
    this.presetSelect.addEventListener('change', () => this.choosePreset(this.presetSelect.value));
    const seed = element('div', { class: 'sim-toolbar-item' }, bar);
    element('label', { for: 'sim-seed' }, seed, 'Seed');
    this.seedInput = element('input', { id: 'sim-seed', name: 'seed', type: 'number', min: 0, step: 1, class: 'sim-number' }, seed);
    this.seedInput.addEventListener('change', () => this.setRunValue('seed', Number.parseInt(this.seedInput.value, 10) || 0));
    const reseed = element('button', { type: 'button', class: 'sim-button', 'data-action': 'new-seed' }, seed, 'New seed');
    reseed.addEventListener('click', () => {
      this.seedInput.value = String(Math.floor(Math.random() * 1_000_000));
      this.setRunValue('seed', Number(this.seedInput.value));
    });
    const duration = element('div', { class: 'sim-toolbar-item' }, bar);
    element('label', { for: 'sim-duration' }, duration, 'Duration (s)');
    this.durationInput = element('input', { id: 'sim-duration', name: 'duration', type: 'number', min: 1, max: 3600, step: 1, class: 'sim-number' }, duration);
    this.durationInput.addEventListener('change', () => this.setRunValue('duration', Number(this.durationInput.value)));
    const compare = element('div', { class: 'sim-toolbar-item' }, bar);
    this.compareInput = element('input', { id: 'sim-compare', name: 'compare', type: 'checkbox' }, compare);
    element('label', { for: 'sim-compare' }, compare, 'Compare A/B on the same seed');
    this.compareInput.addEventListener('change', () => this.setCompare(this.compareInput.checked));
    this.editingGroup = element('fieldset', { class: 'sim-toolbar-item sim-editing', hidden: true }, bar);
    element('legend', {}, this.editingGroup, 'Controls edit');
    for (const target of ['A', 'B']) {
      const input = element('input', { type: 'radio', name: 'sim-editing', id: `sim-editing-${target}`, value: target, checked: target === 'A' }, this.editingGroup);
      element('label', { for: `sim-editing-${target}` }, this.editingGroup, `run ${target}`);
      input.addEventListener('change', () => input.checked && this.setEditing(target));
    }
    const share = element('div', { class: 'sim-toolbar-item' }, bar);
    const copy = element('button', { type: 'button', class: 'sim-button', 'data-action': 'copy-link' }, share, 'Copy link to this run');
    const copied = element('span', { class: 'sim-copied', 'aria-live': 'polite' }, share);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(window.location.href);
        copied.textContent = 'Copied.';
      } catch {
        copied.textContent = 'Copy the address bar: it holds every parameter.';
      }
    });
    const resetAll = element('button', { type: 'button', class: 'sim-button', 'data-action': 'reset-all' }, share, 'Reset to preset');
    resetAll.addEventListener('click', () => this.choosePreset(this.session.state.preset));
    this.status = element('span', { class: 'sim-status', role: 'status' }, bar);
  }

  makeColumn(target) {
    const column = element('section', { class: 'sim-run', 'data-run': target, 'aria-labelledby': `sim-run-${target}-title` }, this.columns);
    const heading = element('h2', { id: `sim-run-${target}-title`, class: 'sim-heading' }, column, `Run ${target}`);
    const differences = element('p', { class: 'sim-differences' }, column);
    const plots = new RunPlots(column);
    return { column, heading, differences, plots };
  }

  async start() {
    const urlState = readState(window.location.search);
    try {
      this.presets = await fetchPresets();
    } catch (error) {
      this.showError(`The simulator presets could not be loaded: ${error.message}`);
      return;
    }
    for (const preset of this.presets) element('option', { value: preset.id }, this.presetSelect, preset.title ?? preset.id);
    const state = this.session.state;
    Object.assign(state, { compare: urlState.compare, speed: urlState.speed });
    const preset = this.presets.find((candidate) => candidate.id === urlState.preset) ?? this.presets[0];
    if (!preset) {
      this.showError('The server offers no simulator presets.');
      return;
    }
    this.session.usePreset(preset, urlState);
    if (urlState.compare) this.session.useCompareDefaults();
    this.applyPreset(preset);
    await this.session.run();
  }

  choosePreset(id) {
    const preset = this.presets.find((candidate) => candidate.id === id);
    if (!preset) return;
    this.session.usePreset(preset);
    if (this.session.state.compare) this.session.useCompareDefaults();
    this.applyPreset(preset);
    this.session.run();
  }

  applyPreset(preset) {
    const state = this.session.state;
    this.presetSelect.value = preset.id;
    this.seedInput.value = String(state.seed);
    this.durationInput.value = String(state.duration);
    this.compareInput.checked = state.compare;
    if (this.playback.speedSelect) this.playback.speedSelect.value = String(state.speed);
    this.playback.speed = state.speed;
    this.explanation.replaceChildren();
    element('h2', { id: 'sim-watch-title', class: 'sim-heading' }, this.explanation, `What to watch for: ${preset.title ?? preset.id}`);
    for (const paragraph of String(preset.explanation ?? '').split(/\n{2,}/)) {
      if (paragraph.trim()) element('p', {}, this.explanation, paragraph.trim());
    }
    this.panel.build(this.session.presetFlat, { open: !window.matchMedia(NARROW).matches });
    this.panel.setTimeLimit(state.duration);
    this.refreshControls();
    this.writeURL();
  }

  setRunValue(name, value) {
    this.session.state[name] = value;
    if (name === 'duration') this.panel.setTimeLimit(value);
    this.writeURL();
    this.session.schedule();
  }

  setCompare(compare) {
    this.session.state.compare = compare;
    if (compare) this.session.useCompareDefaults();
    if (!compare) this.setEditing('A');
    this.refreshControls();
    this.writeURL();
    this.session.run();
  }

  setEditing(target) {
    this.editing = target;
    document.getElementById(`sim-editing-${target}`).checked = true;
    this.refreshControls();
  }

  edit(key, value) {
    this.session.setValue(this.editing, key, value);
    this.refreshControls();
    this.writeURL();
    this.session.schedule();
  }

  reset(key) {
    this.session.resetValue(this.editing, key);
    this.refreshControls();
    this.writeURL();
    this.session.schedule();
  }

  refreshControls() {
    const { state } = this.session;
    const editingB = state.compare && this.editing === 'B';
    this.editingGroup.hidden = !state.compare;
    this.columnB.column.hidden = !state.compare;
    this.columns.classList.toggle('sim-runs-compare', state.compare);
    this.editingNote.textContent = state.compare
      ? (editingB ? 'Editing run B: changes apply to B only.' : 'Editing run A: B follows A except where B differs.')
      : 'Changed values are marked; ↺ resets one to the preset.';
    const values = editingB ? this.session.effectiveB : this.session.effectiveA;
    const changed = new Set(Object.keys(editingB ? state.overridesB : state.overridesA));
    this.panel.setValues(values, changed);
    this.columnA.differences.textContent = describeOverrides(state.overridesA, 'Preset values');
    this.columnB.differences.textContent = describeOverrides(state.overridesB, 'Same as A', 'Differs from A: ');
  }

  writeURL() {
    const query = writeState(this.session.state);
    window.history.replaceState(null, '', `${window.location.pathname}?${query}`);
  }

  showRuns(runs) {
    // Compare like with like: per-attempt ticks only when both runs have them.
    if (runs.B && (!runs.A.calls || !runs.B.calls)) {
      runs.A.calls = null;
      runs.B.calls = null;
    }
    this.runs = runs;
    this.root.classList.remove('sim-stale');
    this.columnA.plots.clearSharedScales();
    this.columnB.plots.clearSharedScales();
    this.columnA.plots.render(runs.A);
    if (runs.B) {
      this.columnB.plots.render(runs.B);
      RunPlots.shareScales([this.columnA.plots, this.columnB.plots]);
    }
    renderRunTable(this.summaryBox, runs);
    this.liveRegion.textContent = runs.B
      ? `Run A: ${describeRun(runs.A)} Run B: ${describeRun(runs.B)}`
      : describeRun(runs.A);
    this.playback.setDuration(Math.max(runs.A.duration, runs.B?.duration ?? 0));
    this.root.dataset.runs = String(Number(this.root.dataset.runs ?? 0) + 1);
  }

  showError(message) {
    this.errorBox.hidden = !message;
    this.errorBox.textContent = message ? `Not run: ${message}` : '';
    this.root.classList.toggle('sim-stale', Boolean(message));
    this.panel.markInvalid(message);
    this.seedInput.setAttribute('aria-invalid', String(Boolean(message) && /\bseed\b/.test(message)));
    this.durationInput.setAttribute('aria-invalid', String(Boolean(message) && /\bdurationSeconds\b/.test(message)));
  }

  moveCursor(t) {
    this.columnA.plots.setCursor(t);
    this.columnB.plots.setCursor(t);
  }

  describeMoment(t) {
    if (!this.runs) return '';
    const describe = (run) => {
      const second = Math.max(0, Math.min(Math.floor(t), run.series.t.length - 1));
      const state = run.series.state[second];
      return `breaker ${STATE_LABELS[state] ?? state ?? '–'}, ${run.series.offered[second] ?? 0} offered, `
        + `${run.series.succeeded[second] ?? 0} succeeded`;
    };
    return this.runs.B ? `A: ${describe(this.runs.A)}; B: ${describe(this.runs.B)}` : describe(this.runs.A);
  }

  watchNarrowScreens() {
    const query = window.matchMedia(NARROW);
    query.addEventListener?.('change', () => this.panel.setOpen(!query.matches));
  }
}

function describeOverrides(overrides, emptyText, prefix = 'Changed: ') {
  const entries = Object.entries(overrides);
  if (!entries.length) return emptyText;
  return prefix + entries.map(([key, value]) => `${key} = ${encodeValue(value)}`).join(', ');
}
