// Entry point of the circuit-breaker simulator: mounts the full app into #simulator-app (the
// /simulator page) and a compact widget into each `.simulator-embed[data-preset]` of a lab step.
// Hand-written ES modules, no library, no build step.

import { mountApp } from './simulator/app.js';
import { mountEmbed } from './simulator/embed.js';

function mountAll() {
  const app = document.getElementById('simulator-app');
  if (app && !app.dataset.mounted) {
    app.dataset.mounted = 'true';
    mountApp(app);
  }
  for (const host of document.querySelectorAll('.simulator-embed[data-preset]')) {
    if (host.dataset.mounted) continue;
    host.dataset.mounted = 'true';
    mountEmbed(host);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll, { once: true });
else mountAll();
