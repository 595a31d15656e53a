// The compact simulator a lab step embeds with `<div class="simulator-embed" data-preset="NAME">`:
// the preset's story in three plots, a play button, a few parameters worth trying, and a link
// to the full simulator with the same run.

import { fetchPresets } from './api.js';
import { element } from './charts.js';
import { ParameterPanel } from './controls.js';
import { Playback } from './playback.js';
import { RunPlots } from './plots.js';
import { describeRun, renderRunTable } from './run-table.js';
import { SimulationSession } from './session.js';
import { simulatorHref } from './url-state.js';

/** The parameters a step reader is most likely to try, by key suffix. */
let nextEmbedNumber = 0;

const FEATURED = [
  'breaker.enabled', 'failureRateThreshold', 'waitDurationInOpenMs', 'permittedCallsInHalfOpen', 'maxAttempts', 'jitter', 'backoff',
  'retry.budgetEnabled',
];

export async function mountEmbed(host) {
  const presetId = host.dataset.preset;
  const fallback = [...host.childNodes];
  let presets;
  try {
    presets = await fetchPresets();
  } catch {
    return null;
  }
  const preset = presets.find((candidate) => candidate.id === presetId);
  if (!preset) {
    host.dataset.simulatorError = 'unknown-preset';
    return null;
  }
  host.replaceChildren();
  host.classList.add('sim-embed');
  const embed = new EmbeddedSimulator(host, preset, fallback);
  await embed.session.run();
  return embed;
}

class EmbeddedSimulator {
  constructor(host, preset, fallback) {
    nextEmbedNumber += 1;
    this.number = nextEmbedNumber;
    this.host = host;
    this.session = new SimulationSession({
      onRuns: (runs) => this.showRuns(runs),
      onError: (message) => this.showError(message),
      onBusy: (busy) => host.setAttribute('aria-busy', busy ? 'true' : 'false'),
    });
    this.session.usePreset(preset);
    const header = element('div', { class: 'sim-embed-header' }, host);
    element('strong', { class: 'sim-embed-title' }, header, `Simulator: ${preset.title ?? preset.id}`);
    this.link = element('a', { href: simulatorHref(this.session.state), class: 'sim-embed-link' }, header, 'Open in the full simulator');
    if (preset.explanation) {
      const explanation = element('div', { class: 'sim-explanation' }, host);
      for (const paragraph of String(preset.explanation).split(/\n{2,}/)) {
        if (paragraph.trim()) element('p', {}, explanation, paragraph.trim());
      }
    }
    this.errorBox = element('div', { class: 'sim-error', role: 'alert', hidden: true }, host);
    const panelHost = element('div', { class: 'sim-embed-parameters' }, host);
    this.panel = new ParameterPanel(panelHost, {
      onChange: (key, value) => this.edit(key, value),
      onReset: (key) => this.edit(key, this.session.presetFlat[key]),
      idPrefix: `sim-embed-${this.number}`,
    });
    const featured = Object.fromEntries(Object.entries(this.session.presetFlat)
      .filter(([key]) => FEATURED.some((suffix) => key === suffix || key.endsWith(`.${suffix}`))));
    this.panel.build(featured, { open: !window.matchMedia('(max-width: 420px)').matches });
    const details = this.panel.root.querySelectorAll('details');
    details.forEach((group) => {
      const summary = group.querySelector('summary');
      summary.textContent = `Try: ${summary.textContent.toLowerCase()}`;
    });
    this.panel.setValues(this.session.effectiveA);
    this.addCompareToggle(host, preset);
    this.playback = new Playback(host, { onCursor: (t) => this.plots.setCursor(t), compact: true });
    this.plots = new RunPlots(host, { compact: true });
    this.summary = element('div', { class: 'sim-summary sim-embed-summary', 'aria-live': 'polite' }, host);
    this.fallback = fallback;
  }

  /** A/B in the compact form: B's numbers beside A's in the summary, B being the preset's suggested contrast. */
  addCompareToggle(host, preset) {
    const contrast = Object.entries(preset.compareOverrides ?? {});
    if (!contrast.length) return;
    const id = `sim-embed-${this.number}-compare`;
    const wrapper = element('div', { class: 'sim-field sim-field-boolean sim-embed-compare' }, host);
    const input = element('input', { type: 'checkbox', id }, wrapper);
    const described = contrast.map(([key, value]) => `${key} = ${value}`).join(', ');
    element('label', { for: id }, wrapper, `Compare with B on the same seed (${described})`);
    input.addEventListener('change', () => {
      this.session.state.compare = input.checked;
      if (input.checked) this.session.useCompareDefaults();
      this.link.href = simulatorHref(this.session.state);
      this.session.run();
    });
  }

  edit(key, value) {
    this.session.setValue('A', key, value);
    this.panel.setValues(this.session.effectiveA, new Set(Object.keys(this.session.state.overridesA)));
    this.link.href = simulatorHref(this.session.state);
    this.session.schedule();
  }

  showRuns(runs) {
    this.plots.render(runs.A);
    renderRunTable(this.summary, runs, { compact: true });
    this.summary.querySelector('caption').textContent = runs.B
      ? `A: ${describeRun(runs.A)} B: ${describeRun(runs.B)}`
      : describeRun(runs.A);
    this.playback.setDuration(runs.A.duration);
    this.host.dataset.runs = String(Number(this.host.dataset.runs ?? 0) + 1);
  }

  showError(message) {
    this.errorBox.hidden = !message;
    this.errorBox.textContent = message ? `Not run: ${message}` : '';
    this.panel.markInvalid(message);
  }
}
