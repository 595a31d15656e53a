// The parameter panel: one labelled control per config key, grouped in <details> sections that
// collapse on narrow screens. Range sliders pair with number inputs so values can be typed exactly.

import { element } from './charts.js';
import { FaultListEditor, isWindowList } from './fault-editor.js';
import { GROUPS, describeParameter, parseValue } from './parameters.js';

let nextFieldNumber = 0;

export class ParameterPanel {
  /** `onChange(key, value)` fires on every edit; the caller debounces runs. */
  constructor(parent, { onChange, onReset, idPrefix = 'sim' }) {
    this.root = element('div', { class: 'sim-parameters' }, parent);
    this.onChange = onChange;
    this.onReset = onReset;
    this.idPrefix = idPrefix;
    this.fields = new Map();
  }

  /** Builds the controls for the keys of a preset's effective config. */
  build(flatConfig, { open = true } = {}) {
    this.root.replaceChildren();
    this.fields.clear();
    const keys = Object.keys(flatConfig);
    for (const group of GROUPS) {
      // The API's key order is not stable; the parameter table's order is (then the key itself).
      const groupKeys = keys
        .map((key) => describeParameter(key, flatConfig[key]))
        .filter((description) => description.group === group.id)
        .sort((left, right) => left.order - right.order || left.key.localeCompare(right.key))
        .map((description) => description.key);
      if (!groupKeys.length) continue;
      const details = element('details', { class: 'sim-group', 'data-group': group.id, open }, this.root);
      element('summary', {}, details, group.title);
      const body = element('div', { class: 'sim-group-body' }, details);
      for (const key of groupKeys) this.addField(body, describeParameter(key, flatConfig[key]), flatConfig[key]);
    }
  }

  addField(parent, description, presetValue) {
    if (isWindowList(description.key, presetValue)) {
      const editor = new FaultListEditor(parent, description.key, presetValue, this.onChange);
      const field = { description, presetValue, wrapper: editor.wrapper, editor, get inputs() { return editor.inputs; } };
      field.reset = this.addResetButton(editor.wrapper.querySelector('legend'), description);
      this.fields.set(description.key, field);
      return;
    }
    nextFieldNumber += 1;
    const id = `${this.idPrefix}-field-${nextFieldNumber}`;
    const wrapper = element('div', { class: `sim-field sim-field-${description.kind}`, 'data-key': description.key }, parent);
    const field = { description, presetValue, wrapper, inputs: [] };
    const unit = description.unit ? ` (${description.unit})` : '';
    const title = `${description.label}${unit}`;
    if (description.kind === 'boolean') {
      const input = element('input', { type: 'checkbox', id, 'data-key': description.key }, wrapper);
      element('label', { for: id }, wrapper, description.label);
      input.addEventListener('change', () => this.onChange(description.key, input.checked));
      field.inputs.push(input);
    } else if (description.kind === 'choice' || description.kind === 'text') {
      element('label', { for: id }, wrapper, title);
      const input = description.kind === 'choice'
        ? element('select', { id, 'data-key': description.key }, wrapper)
        : element('input', { type: 'text', id, 'data-key': description.key }, wrapper);
      for (const option of description.options ?? []) element('option', { value: option }, input, option);
      input.addEventListener('change', () => this.onChange(description.key, parseValue(input.value, presetValue)));
      field.inputs.push(input);
    } else {
      element('label', { for: id }, wrapper, title);
      const row = element('div', { class: 'sim-field-row' }, wrapper);
      const attributes = { min: description.min, max: description.max, step: description.step, 'data-key': description.key };
      const range = element('input', { type: 'range', id, ...attributes }, row);
      const number = element('input', { type: 'number', 'aria-label': `${title}, exact value`, ...attributes, class: 'sim-number' }, row);
      range.addEventListener('input', () => {
        number.value = range.value;
        this.onChange(description.key, Number(range.value));
      });
      number.addEventListener('change', () => {
        if (number.value === '') return;
        range.value = number.value;
        this.onChange(description.key, Number(number.value));
      });
      field.inputs.push(range, number);
    }
    field.reset = this.addResetButton(wrapper, description);
    this.fields.set(description.key, field);
  }

  addResetButton(parent, description) {
    const reset = element('button', {
      type: 'button', class: 'sim-reset-field', hidden: true,
      'aria-label': `Reset ${description.label} to the preset's value`, title: 'Reset to the preset value',
    }, parent, '↺');
    reset.addEventListener('click', () => this.onReset(description.key));
    return reset;
  }

  /** Shows `values` (flat keys) and marks the keys that differ from the preset (`changedKeys`). */
  setValues(values, changedKeys = new Set()) {
    for (const [key, field] of this.fields) {
      const value = values[key];
      if (field.editor) field.editor.setValue(value);
      else for (const input of field.inputs) {
        if (document.activeElement === input && input.type === 'number') continue;
        if (input.type === 'checkbox') input.checked = Boolean(value);
        else input.value = value ?? '';
      }
      const changed = changedKeys.has(key);
      field.wrapper.classList.toggle('sim-field-changed', changed);
      field.reset.hidden = !changed;
    }
  }

  /** Marks the fields an error message names (the API names the offending key), clearing others. */
  markInvalid(message) {
    let found = null;
    for (const [key, field] of this.fields) {
      const last = key.split('.').pop();
      const invalid = Boolean(message) && (message.includes(key) || new RegExp(`\\b${last}\\b`).test(message));
      for (const input of field.inputs) input.setAttribute('aria-invalid', invalid ? 'true' : 'false');
      field.wrapper.classList.toggle('sim-field-invalid', invalid);
      if (invalid && !found) found = field;
    }
    if (found) found.wrapper.closest('details')?.setAttribute('open', '');
    return found;
  }

  /** Fault windows are in seconds of the run: their sliders span the run's duration. */
  setTimeLimit(duration) {
    for (const field of this.fields.values()) {
      field.editor?.setTimeLimit(duration);
      if (field.description.unit !== 's' || field.description.kind !== 'number') continue;
      const value = Number(field.inputs[0].value) || 0;
      for (const input of field.inputs) input.max = String(Math.max(duration, value, field.presetValue ?? 0));
    }
  }

  setOpen(open) {
    for (const details of this.root.querySelectorAll('details')) details.open = open;
  }
}
