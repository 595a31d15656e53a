// Editor for a list of fault windows (`fault.outages`, `fault.errorWindows`, `fault.latencySpikes`):
// each window gets start/end sliders over the run plus its own value, and windows can be added or
// removed. The whole list is one override, as the API accepts (`fault.outages=[{…}]`).

import { element } from './charts.js';

let nextEditorNumber = 0;

const LISTS = {
  outages: { title: 'Outages', one: 'Outage', template: { startSeconds: 20, endSeconds: 40 } },
  errorWindows: { title: 'Error windows', one: 'Error window', template: { startSeconds: 20, endSeconds: 40, errorPercent: 50 } },
  latencySpikes: { title: 'Latency spikes', one: 'Latency spike', template: { startSeconds: 20, endSeconds: 40, extraLatencyMs: 500 } },
};

const FIELDS = {
  startSeconds: { label: 'Starts at', unit: 's', min: 0, step: 1, timed: true },
  endSeconds: { label: 'Ends at', unit: 's', min: 0, step: 1, timed: true },
  errorPercent: { label: 'Error rate', unit: '%', min: 0, max: 100, step: 1 },
  extraLatencyMs: { label: 'Extra latency', unit: 'ms', min: 0, max: 5000, step: 10 },
};

/** Whether a config value is edited as a list of windows. */
export function isWindowList(key, value) {
  return Array.isArray(value) && (Boolean(LISTS[key.split('.').pop()]) || value.some((item) => item && typeof item === 'object'));
}

export class FaultListEditor {
  constructor(parent, key, presetValue, onChange) {
    nextEditorNumber += 1;
    this.id = `sim-faults-${nextEditorNumber}`;
    this.key = key;
    this.onChange = onChange;
    const name = key.split('.').pop();
    this.meta = LISTS[name] ?? { title: name, one: name, template: presetValue?.[0] ?? { startSeconds: 0, endSeconds: 10 } };
    this.timeLimit = 60;
    this.windows = [];
    this.wrapper = element('fieldset', { class: 'sim-field sim-windows', 'data-key': key }, parent);
    element('legend', {}, this.wrapper, this.meta.title);
    this.list = element('div', { class: 'sim-window-list' }, this.wrapper);
    this.empty = element('p', { class: 'sim-window-empty' }, this.wrapper, 'None scheduled.');
    const add = element('button', { type: 'button', class: 'sim-button', 'data-action': 'add-window' }, this.wrapper, `Add ${this.meta.one.toLowerCase()}`);
    add.addEventListener('click', () => {
      const last = this.windows[this.windows.length - 1];
      const start = last ? Math.min(this.timeLimit - 1, last.endSeconds + 5) : Math.round(this.timeLimit / 3);
      const next = { ...this.meta.template, startSeconds: start, endSeconds: Math.min(this.timeLimit, start + Math.max(5, Math.round(this.timeLimit / 3))) };
      this.emit([...this.windows, next]);
      this.list.querySelector('.sim-window:last-child input')?.focus();
    });
  }

  get inputs() {
    return [...this.wrapper.querySelectorAll('input')];
  }

  emit(windows) {
    this.onChange(this.key, windows);
  }

  /** Shows the list, rebuilding only when windows were added or removed so a dragged slider keeps focus. */
  setValue(windows) {
    const list = Array.isArray(windows) ? windows : [];
    const rebuild = list.length !== this.windows.length;
    this.windows = list.map((window) => ({ ...window }));
    this.empty.hidden = list.length > 0;
    if (rebuild) this.build();
    else this.fill();
  }

  build() {
    this.list.replaceChildren();
    this.windows.forEach((window, index) => {
      const row = element('div', { class: 'sim-window', role: 'group', 'aria-label': `${this.meta.one} ${index + 1}` }, this.list);
      element('span', { class: 'sim-window-title' }, row, `${this.meta.one} ${index + 1}`);
      for (const name of Object.keys(window)) {
        const field = FIELDS[name] ?? { label: name, unit: '', min: 0, step: 1 };
        const id = `${this.id}-${index}-${name}`;
        const title = `${this.meta.one} ${index + 1}: ${field.label.toLowerCase()}${field.unit ? ` (${field.unit})` : ''}`;
        element('label', { for: id, class: 'sim-window-label' }, row, `${field.label}${field.unit ? ` (${field.unit})` : ''}`);
        const line = element('div', { class: 'sim-field-row' }, row);
        const attributes = { min: field.min, step: field.step, 'data-window': index, 'data-name': name };
        const range = element('input', { type: 'range', id, ...attributes, 'aria-label': title }, line);
        const number = element('input', { type: 'number', ...attributes, class: 'sim-number', 'aria-label': `${title}, exact value` }, line);
        const update = (value) => {
          const windows = this.windows.map((item) => ({ ...item }));
          windows[index][name] = value;
          if (name === 'startSeconds' && windows[index].endSeconds < value) windows[index].endSeconds = value;
          if (name === 'endSeconds' && windows[index].startSeconds > value) windows[index].startSeconds = value;
          this.emit(windows);
        };
        range.addEventListener('input', () => {
          number.value = range.value;
          update(Number(range.value));
        });
        number.addEventListener('change', () => number.value !== '' && update(Number(number.value)));
      }
      const remove = element('button', { type: 'button', class: 'sim-button sim-window-remove', 'data-action': 'remove-window' }, row, `Remove ${this.meta.one.toLowerCase()} ${index + 1}`);
      remove.addEventListener('click', () => this.emit(this.windows.filter((_, position) => position !== index)));
    });
    this.fill();
  }

  fill() {
    for (const input of this.inputs) {
      const window = this.windows[Number(input.dataset.window)];
      if (!window) continue;
      const name = input.dataset.name;
      const field = FIELDS[name] ?? {};
      const value = window[name];
      const maximum = field.timed ? Math.max(this.timeLimit, value) : Math.max(field.max ?? value * 4, value);
      input.max = String(maximum);
      if (document.activeElement === input && input.type === 'number') continue;
      input.value = String(value);
    }
  }

  setTimeLimit(duration) {
    this.timeLimit = duration;
    this.fill();
  }
}
