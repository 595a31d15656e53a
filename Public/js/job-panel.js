// The provision and cleanup panels: start a job, watch its progress and log live over the job's event stream,
// and show its result. Without JavaScript the overview's forms post the same jobs and the page shows the state.
const jsonHeaders = { "Content-Type": "application/json", Accept: "application/json" };

export function enhanceJobPanels(root) {
  for (const panel of root.querySelectorAll("[data-job-panel]")) new JobPanel(panel).start();
}

class JobPanel {
  constructor(element) {
    this.element = element;
    this.kind = element.dataset.jobPanel;
    this.lab = element.dataset.lab;
    this.source = null;
  }

  async start() {
    this.element.querySelector(".job-panel-fallback")?.remove();
    this.body = this.element.querySelector("[data-job-body]") ?? this.element.appendChild(document.createElement("div"));
    this.body.dataset.jobBody = "";
    const latest = await this.latestJob();
    if (latest && !isFinished(latest)) this.follow(latest);
    else this.showIdle(latest);
  }

  async latestJob() {
    const response = await fetch(`/api/v1/labs/${this.lab}/jobs?kind=${this.kind}`, { headers: jsonHeaders });
    if (!response.ok) return null;
    return (await response.json()).jobs[0] ?? null;
  }

  async run(body) {
    this.body.replaceChildren(text("p", "Starting…", "job-status"));
    const response = await fetch(`/api/v1/labs/${this.lab}/${this.kind}`, {
      method: "POST", headers: jsonHeaders, body: JSON.stringify(body ?? {}),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      this.body.replaceChildren(text("p", answer?.error?.message ?? `The server answered ${response.status}.`, "job-error"));
      return;
    }
    this.follow(answer.job);
  }

  follow(job) {
    const status = text("p", describe(job), "job-status");
    status.setAttribute("role", "status");
    const bar = document.createElement("progress");
    bar.max = Math.max(job.progress.total, 1);
    bar.value = job.progress.completed;
    const log = document.createElement("ol");
    log.className = "job-log";
    log.setAttribute("aria-label", "Job log");
    this.body.replaceChildren(status, bar, log);
    this.source?.close();
    this.source = new EventSource(`/api/v1/jobs/${job.id}/events`);
    this.source.addEventListener("log", (event) => {
      const entry = JSON.parse(event.data);
      log.append(text("li", entry.message, `job-log-${entry.level}`));
      while (log.children.length > 50) log.firstElementChild.remove();
    });
    this.source.addEventListener("progress", (event) => {
      const current = JSON.parse(event.data);
      bar.max = Math.max(current.progress.total, 1);
      bar.value = current.progress.completed;
      status.textContent = describe(current);
    });
    this.source.addEventListener("result", (event) => {
      this.source.close();
      this.showIdle(JSON.parse(event.data));
    });
  }

  showIdle(job) {
    const parts = [];
    if (job && isFinished(job)) parts.push(...this.result(job));
    if (this.kind === "provision") {
      parts.push(button("Provision the base infrastructure", () => this.run()));
    } else {
      parts.push(button("Preview what would be deleted", () => this.run({ dryRun: true })));
      const planned = job?.state === "completed" && job.result?.isDryRun ? job.result.planned.length : 0;
      if (planned > 0) {
        const remove = button(`Delete these ${planned} resources`, () => this.run({ dryRun: false }));
        remove.classList.add("button-danger");
        parts.push(remove);
      }
    }
    this.body.replaceChildren(...parts);
  }

  result(job) {
    if (job.state !== "completed") {
      const last = job.errors[job.errors.length - 1];
      return [text("p", `The job ${job.state}: ${last ? last.message : "no result"}`, "job-error")];
    }
    const result = job.result;
    const parts = [text("p", result.summary, "job-summary")];
    if (this.kind === "provision") {
      parts.push(list(result.resources.map((r) => `${r.name}: ${r.outcome === "created" ? "created" : "already there"}`)));
      return parts;
    }
    if (result.isDryRun) parts.push(list(result.planned.map((item) => item.summary)));
    if (result.leftovers.length) parts.push(list(result.leftovers.map((item) => `${item.summary}: ${item.reason}`)));
    if (result.stillRunning.length) {
      parts.push(text("h4", "Still running"));
      parts.push(list(result.stillRunning.map((item) => `${item.summary}: $${item.hourlyCost.toFixed(4)} per hour`)));
      parts.push(text("p", `Total: $${result.hourlyCostTotal.toFixed(4)} per hour`, "job-cost"));
    }
    return parts;
  }
}

function isFinished(job) {
  return ["completed", "discarded", "cancelled"].includes(job.state);
}

function describe(job) {
  if (job.progress.message) return job.progress.message;
  return job.state === "running" ? "Running…" : `Waiting to start (${job.state})…`;
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function list(items) {
  const element = document.createElement("ul");
  element.className = "job-items";
  for (const item of items) element.append(text("li", item));
  return element;
}

function button(label, onClick) {
  const element = text("button", label, "button");
  element.type = "button";
  element.addEventListener("click", onClick);
  return element;
}
