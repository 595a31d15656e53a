// Number and time formatting shared by charts, summaries and the run table.

const integerFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function formatCount(value) {
  return value == null || Number.isNaN(value) ? '–' : integerFormat.format(value);
}

export function formatNumber(value) {
  return value == null || Number.isNaN(value) ? '–' : decimalFormat.format(value);
}

/** Milliseconds as "850 ms" or "1.2 s". */
export function formatMilliseconds(value) {
  if (value == null || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 1000) return `${decimalFormat.format(Number((value / 1000).toPrecision(3)))} s`;
  return `${decimalFormat.format(Number(value.toPrecision(3)))} ms`;
}

/** A short axis label for milliseconds. */
export function formatMillisecondsTick(value) {
  return value >= 1000 ? `${Number((value / 1000).toPrecision(3))}s` : `${value}ms`;
}

/** Seconds into the run, e.g. "21 s" or "21.4 s". */
export function formatSeconds(value) {
  if (value == null || Number.isNaN(value)) return '–';
  const rounded = Math.round(value * 10) / 10;
  return `${decimalFormat.format(rounded)} s`;
}

export function formatPercent(value) {
  return value == null || Number.isNaN(value) ? '–' : `${decimalFormat.format(Math.round(value * 10) / 10)} %`;
}

/** Largest non-null value and its index. */
export function peak(values) {
  let best = null;
  let index = -1;
  values.forEach((value, position) => {
    if (value != null && (best == null || value > best)) {
      best = value;
      index = position;
    }
  });
  return { value: best, index };
}

export function sum(values) {
  return values.reduce((total, value) => total + (value ?? 0), 0);
}
