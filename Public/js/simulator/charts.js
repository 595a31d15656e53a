// Hand-written SVG chart frame: axes, a data layer revealed up to the play cursor, fixed overlays
// (threshold and capacity lines) and a figure caption whose sentence is the chart's text summary.
// Colours come from CSS classes so the theme can switch without a redraw.

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN = { top: 10, right: 14, bottom: 22, left: 46 };
let nextChartNumber = 0;

/** Creates an element (SVG when `namespace` is given) with attributes and optional text. */
export function element(name, attributes = {}, parent = null, text = null, namespace = null) {
  const node = namespace ? document.createElementNS(namespace, name) : document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(key, value === true ? '' : String(value));
  }
  if (text !== null) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

export function svg(name, attributes = {}, parent = null, text = null) {
  return element(name, attributes, parent, text, SVG_NS);
}

/** A polyline path through `values` that breaks at missing values. */
export function linePath(values, x, y) {
  let d = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value == null || Number.isNaN(value)) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'}${x(index + 0.5).toFixed(1)},${y(value).toFixed(1)}`;
    drawing = true;
  });
  return d;
}

/** A step path (value held for the whole second), better for counts and occupancy. */
export function stepPath(values, x, y) {
  let d = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value == null || Number.isNaN(value)) {
      drawing = false;
      return;
    }
    const top = y(value).toFixed(1);
    d += `${drawing ? 'L' : 'M'}${x(index).toFixed(1)},${top}L${x(index + 1).toFixed(1)},${top}`;
    drawing = true;
  });
  return d;
}

/** Stacked one-second bars: returns one path per layer, bottom layer first. */
export function stackedBarPaths(layers, x, y) {
  const length = Math.max(0, ...layers.map((layer) => layer.length));
  const base = new Array(length).fill(0);
  return layers.map((layer) => {
    let d = '';
    for (let index = 0; index < length; index += 1) {
      const value = layer[index] ?? 0;
      if (value <= 0) continue;
      const left = x(index) + 0.5;
      const width = Math.max(0.5, x(index + 1) - x(index) - 1);
      const top = y(base[index] + value);
      const bottom = y(base[index]);
      d += `M${left.toFixed(1)},${bottom.toFixed(1)}V${top.toFixed(1)}h${width.toFixed(1)}V${bottom.toFixed(1)}z`;
      base[index] += value;
    }
    return d;
  });
}

/** Picks about `count` round tick values between 0 and `max`. */
export function ticks(max, count = 4) {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? raw;
  const values = [];
  for (let value = 0; value <= max + step * 1e-9; value += step) values.push(Number(value.toPrecision(6)));
  return values;
}

/** Powers of ten from `min` to `max`, thinned to at most four labels. */
export function logTicks(min, max) {
  const values = [];
  for (let exponent = Math.round(Math.log10(min)); 10 ** exponent <= max * 1.0001; exponent += 1) values.push(10 ** exponent);
  const stride = Math.ceil(values.length / 4);
  return values.filter((_, index) => index % stride === 0);
}

/** One chart: a `<figure>` with a caption, an SVG drawn from a spec, and a legend. */
export class Chart {
  constructor(parent, { title, height = 120, legend = [], className = '' }) {
    const number = (nextChartNumber += 1);
    this.id = `sim-chart-${number}`;
    this.height = height;
    this.figure = element('figure', { class: `sim-chart ${className}`.trim() }, parent);
    const caption = element('figcaption', {}, this.figure);
    this.titleNode = element('span', { class: 'sim-chart-title', id: `${this.id}-title` }, caption, title);
    this.summaryNode = element('span', { class: 'sim-chart-summary', id: `${this.id}-summary` }, caption);
    this.svg = svg('svg', {
      role: 'img',
      'aria-labelledby': `${this.id}-title`,
      'aria-describedby': `${this.id}-summary`,
      height,
      class: 'sim-svg',
    }, this.figure);
    if (legend.length) {
      const list = element('ul', { class: 'sim-legend', 'aria-hidden': 'true' }, this.figure);
      for (const item of legend) {
        const entry = element('li', {}, list);
        element('span', { class: `sim-swatch ${item.className}` }, entry);
        entry.append(item.label);
      }
    }
    this.spec = null;
    this.yFloor = 0;
    this.cursor = null;
    this.renderCount = 0;
    if (typeof ResizeObserver === 'function') {
      let lastWidth = 0;
      this.resizeObserver = new ResizeObserver(() => {
        const width = this.figure.clientWidth;
        if (this.spec && Math.abs(width - lastWidth) > 2) {
          lastWidth = width;
          this.render(this.spec);
        }
      });
      this.resizeObserver.observe(this.figure);
    }
  }

  /** Draws the chart. `spec` = {duration, yMax, yFormat, summary, draw(context)}. */
  render(spec) {
    this.spec = spec;
    this.renderCount += 1;
    this.svg.dataset.renderCount = String(this.renderCount);
    this.summaryNode.textContent = spec.summary ?? '';
    const width = Math.max(240, Math.round(this.figure.clientWidth || 600));
    const height = spec.height ?? this.height;
    const margin = { ...MARGIN, ...(spec.margin ?? {}) };
    this.svg.setAttribute('width', width);
    this.svg.setAttribute('height', height);
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.replaceChildren();
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const duration = Math.max(1, spec.duration);
    // A/B columns share a floor so that equal heights mean equal values in both runs.
    const yMax = Math.max(spec.yMax > 0 ? spec.yMax : 1, this.yFloor ?? 0);
    this.naturalYMax = spec.yMax;
    const x = (t) => margin.left + (Math.min(Math.max(t, 0), duration) / duration) * plotWidth;
    const yMin = spec.logScale ? Math.min(spec.yMin ?? 1, yMax / 10) : 0;
    const y = spec.logScale
      ? (value) => {
        const clamped = Math.min(Math.max(value, yMin), yMax);
        return margin.top + plotHeight * (1 - Math.log10(clamped / yMin) / Math.log10(yMax / yMin));
      }
      : (value) => margin.top + plotHeight * (1 - Math.min(Math.max(value, 0), yMax) / yMax);
    const clipId = `${this.id}-clip`;
    const defs = svg('defs', {}, this.svg);
    const clip = svg('clipPath', { id: clipId }, defs);
    this.clipRect = svg('rect', { x: margin.left - 1, y: 0, width: plotWidth + 2, height }, clip);
    const axes = svg('g', { class: 'sim-axes', 'aria-hidden': 'true' }, this.svg);
    if (!spec.hideYAxis) {
      let lastLabel = null;
      for (const value of spec.logScale ? logTicks(yMin, yMax) : ticks(yMax, spec.yTickCount ?? 3)) {
        const label = (spec.yFormat ?? String)(value);
        if (label === lastLabel) continue; // counts round small fractional ticks to the same label
        lastLabel = label;
        svg('line', { x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value), class: 'sim-grid' }, axes);
        svg('text', { x: margin.left - 6, y: y(value) + 4, class: 'sim-tick sim-tick-y' }, axes, label);
      }
    }
    for (const value of ticks(duration, Math.max(2, Math.floor(plotWidth / 80)))) {
      svg('text', { x: x(value), y: height - 6, class: 'sim-tick sim-tick-x' }, axes, `${value}s`);
    }
    svg('line', { x1: margin.left, x2: width - margin.right, y1: y(yMin), y2: y(yMin), class: 'sim-baseline' }, axes);
    const data = svg('g', { class: 'sim-data', 'clip-path': `url(#${clipId})` }, this.svg);
    const overlay = svg('g', { class: 'sim-overlay' }, this.svg);
    spec.draw({ data, overlay, x, y, width, height, margin, plotWidth, plotHeight, duration, yMax });
    this.cursorLine = svg('line', { y1: margin.top - 4, y2: height - margin.bottom, class: 'sim-cursor' }, this.svg);
    this.scale = { x, duration, margin, plotWidth };
    this.setCursor(this.cursor ?? duration);
  }

  /** Reveals the data up to `t` seconds and moves the cursor line there. */
  setCursor(t) {
    this.cursor = t;
    if (!this.scale) return;
    const { x, duration, margin } = this.scale;
    const position = x(Math.min(t, duration));
    this.clipRect.setAttribute('width', Math.max(0, position - margin.left + 1));
    this.cursorLine.setAttribute('x1', position);
    this.cursorLine.setAttribute('x2', position);
    this.cursorLine.classList.toggle('sim-cursor-at-end', t >= duration);
  }
}
