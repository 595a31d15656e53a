// Play, pause, step and scrub over a run that the API computed in one request: a cursor moves
// through the timeline and the charts reveal the data up to it.

import { element } from './charts.js';

export const SPEEDS = [1, 2, 5, 10, 20];
let nextPlaybackNumber = 0;

export class Playback {
  /** `onCursor(t)` is called on every move; `onStateText(t)` returns the readout for a time. */
  constructor(parent, { onCursor, describe = null, speed = 5, compact = false }) {
    nextPlaybackNumber += 1;
    const id = `sim-playback-${nextPlaybackNumber}`;
    this.onCursor = onCursor;
    this.describe = describe;
    this.duration = 1;
    this.cursor = 1;
    this.speed = speed;
    this.playing = false;
    this.frame = null;
    this.root = element('div', { class: 'sim-playback', role: 'group', 'aria-label': 'Playback' }, parent);
    this.playButton = element('button', { type: 'button', class: 'sim-button sim-play', 'data-action': 'play' }, this.root, 'Play');
    this.playButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    if (!compact) {
      const back = element('button', { type: 'button', class: 'sim-button', 'aria-label': 'Step back one second', 'data-action': 'step-back' }, this.root, '◀ 1 s');
      back.addEventListener('click', () => this.step(-1));
      const forward = element('button', { type: 'button', class: 'sim-button', 'aria-label': 'Step forward one second', 'data-action': 'step-forward' }, this.root, '1 s ▶');
      forward.addEventListener('click', () => this.step(1));
      element('label', { for: `${id}-speed`, class: 'sim-inline-label' }, this.root, 'Speed');
      this.speedSelect = element('select', { id: `${id}-speed`, 'data-control': 'speed' }, this.root);
      for (const value of SPEEDS) element('option', { value, selected: value === speed }, this.speedSelect, `${value}×`);
      this.speedSelect.addEventListener('change', () => {
        this.speed = Number(this.speedSelect.value);
        this.onSpeed?.(this.speed);
      });
    }
    const scrubLabel = element('label', { for: `${id}-time`, class: 'sim-inline-label' }, this.root, 'Time');
    scrubLabel.classList.toggle('sim-visually-hidden', compact);
    this.scrub = element('input', { type: 'range', id: `${id}-time`, min: 0, max: 1, step: 0.1, value: 1, class: 'sim-scrub', 'data-control': 'scrub' }, this.root);
    this.scrub.addEventListener('input', () => {
      this.pause();
      this.moveTo(Number(this.scrub.value));
    });
    this.readout = element('output', { for: `${id}-time`, class: 'sim-readout' }, this.root);
  }

  /** A new run arrived: keep the cursor where the learner left it, unless it was at the end. */
  setDuration(duration) {
    const wasAtEnd = this.cursor >= this.duration;
    this.duration = duration;
    this.scrub.max = String(duration);
    this.moveTo(wasAtEnd && !this.playing ? duration : Math.min(this.cursor, duration));
  }

  moveTo(t) {
    this.cursor = Math.max(0, Math.min(t, this.duration));
    this.scrub.value = String(this.cursor);
    const text = this.describe ? this.describe(this.cursor) : '';
    this.readout.textContent = `${Math.floor(this.cursor)} s of ${this.duration} s${text ? ` · ${text}` : ''}`;
    this.scrub.setAttribute('aria-valuetext', `${Math.floor(this.cursor)} seconds of ${this.duration}`);
    this.onCursor(this.cursor);
  }

  play() {
    if (this.cursor >= this.duration) this.moveTo(0);
    this.playing = true;
    this.playButton.textContent = 'Pause';
    this.playButton.dataset.action = 'pause';
    let last = performance.now();
    const tick = (now) => {
      if (!this.playing) return;
      const elapsed = Math.min(0.25, (now - last) / 1000);
      last = now;
      this.moveTo(this.cursor + elapsed * this.speed);
      if (this.cursor >= this.duration) this.pause();
      else this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  pause() {
    this.playing = false;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.playButton.textContent = 'Play';
    this.playButton.dataset.action = 'play';
  }

  step(seconds) {
    this.pause();
    this.moveTo(Math.round(this.cursor) + seconds);
  }
}
