// Verify on a step page: post, then fill the checklist in check by check as the job's events arrive, show the
// earlier attempts with their evidence, and (opt-in) check again every 15 s while the page is visible.
// Without JavaScript the same form posts to the page route and the attempt page refreshes itself until done.
const jsonHeaders = { "Content-Type": "application/json", Accept: "application/json" };
const autoInterval = 15000;
const statusWords = { passed: "Passed", failed: "Failed", error: "Not answered", unsupported: "Not checkable here" };
const stateWords = {
  running: "Checking…", passed: "Verified: every check passed.", failed: "Not yet: see what is missing below.",
  incomplete: "Some checks could not be answered: try again.", unsupported: "The sandbox cannot answer these checks.",
};

export function enhanceVerifyPanels(root) {
  for (const panel of root.querySelectorAll("[data-verify]")) new VerifyPanel(panel).start();
}

class VerifyPanel {
  constructor(element) {
    this.element = element;
    this.form = element.querySelector("[data-verify-form]");
    this.button = element.querySelector("[data-verify-button]");
    this.status = element.querySelector("[data-verify-status]");
    this.history = element.querySelector("[data-verify-history]");
    this.source = null;
    this.running = null;
    this.timer = null;
  }

  async start() {
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.verify();
    });
    this.setUpAutoVerify();
    const attempts = await this.attempts();
    const [latest, ...earlier] = attempts;
    if (latest) {
      this.showAttempt(latest);
      if (latest.state === "running") this.follow(latest);
    }
    this.showHistory(latest?.state === "running" ? earlier : attempts.slice(1));
  }

  async attempts() {
    const response = await fetch(`${this.element.dataset.attempts}?limit=10`, { headers: jsonHeaders });
    return response.ok ? (await response.json()).attempts : [];
  }

  async verify({ quietly = false } = {}) {
    if (this.running) return;
    this.button.disabled = true;
    if (!quietly) this.status.textContent = "Starting…";
    try {
      const response = await fetch(this.element.dataset.api, { method: "POST", headers: jsonHeaders, body: "{}" });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(answer?.error?.message ?? `The server answered ${response.status}.`);
      const attempt = answer.attempts[0];
      this.resetChecks();
      this.showAttempt(attempt);
      this.follow(attempt);
    } catch (error) {
      this.button.disabled = false;
      this.status.textContent = error.message;
    }
  }

  // The job's stream says when something changed; the attempt itself is read from the API each time.
  follow(attempt) {
    this.running = attempt;
    this.button.disabled = true;
    this.source?.close();
    this.source = new EventSource(`/api/v1/jobs/${attempt.jobId}/events`);
    const refresh = () => this.refresh(attempt.id);
    this.source.addEventListener("log", refresh);
    this.source.addEventListener("progress", refresh);
    this.source.addEventListener("result", () => {
      this.source.close();
      this.refresh(attempt.id, { isLast: true });
    });
  }

  async refresh(id, { isLast = false } = {}) {
    const response = await fetch(`/api/v1/verify-attempts/${id}`, { headers: jsonHeaders });
    if (!response.ok) return;
    const attempt = await response.json();
    this.showAttempt(attempt);
    if (attempt.state === "running" && !isLast) return;
    if (attempt.state === "running") return setTimeout(() => this.refresh(id, { isLast: true }), 300);
    this.running = null;
    this.button.disabled = false;
    const earlier = await this.attempts();
    this.showHistory(earlier.filter((item) => item.id !== attempt.id));
    if (attempt.state === "passed") this.markVerified();
  }

  resetChecks() {
    for (const item of this.element.querySelectorAll("[data-check-list] > [data-check-index]")) {
      item.className = "check is-pending";
      item.querySelector("[data-check-detail]").replaceChildren();
      item.querySelector("[data-check-status]").textContent = "Not checked yet: ";
    }
  }

  showAttempt(attempt) {
    const byIndex = new Map(attempt.checks.map((check) => [check.index, check]));
    for (const item of this.element.querySelectorAll("[data-check-list] > [data-check-index]")) {
      const result = byIndex.get(Number(item.dataset.checkIndex));
      if (!result) {
        item.className = `check ${attempt.state === "running" ? "is-checking" : "is-pending"}`;
        continue;
      }
      item.className = `check is-${result.status}`;
      item.querySelector("[data-check-status]").textContent = `${statusWords[result.status] ?? result.status}: `;
      item.querySelector("[data-check-detail]").replaceChildren(...details(result));
    }
    const when = new Date(attempt.startedAt).toLocaleTimeString();
    const { passed, total } = attempt.counts;
    this.status.textContent =
      attempt.state === "running"
        ? `Checking… ${attempt.checks.length} of ${total} answered`
        : `${stateWords[attempt.state] ?? attempt.state} (${passed} of ${total} passed, at ${when})`;
  }

  showHistory(attempts) {
    const list = this.history.querySelector("[data-history-list]");
    list.replaceChildren(...attempts.filter((item) => item.state !== "running").map(historyItem));
    this.history.hidden = list.children.length === 0;
  }

  // The page holds both wordings; the classes switch them, as "Mark complete" does.
  markVerified() {
    document.querySelector("[data-completion]")?.classList.add("is-complete", "is-verified");
    const id = this.element.dataset.stepId;
    const item = document.querySelector(`.step-sidebar [data-step-id="${CSS.escape(id)}"]`);
    if (item && !item.classList.contains("is-verified")) {
      item.classList.add("is-complete", "is-verified");
      item.querySelector(".visually-hidden")?.remove();
      item.insertAdjacentHTML("beforeend", '<span class="visually-hidden"> (verified)</span>');
    }
    this.stopAutoVerify();
  }

  // "Check as I go": the learner's choice, remembered in this browser; runs only while the page is visible.
  setUpAutoVerify() {
    const label = this.element.querySelector("[data-auto-verify-label]");
    const box = this.element.querySelector("[data-auto-verify]");
    if (!label || !box) return;
    const key = `labguide.checkAsIGo.${this.element.dataset.learner ?? ""}`;
    label.hidden = false;
    box.checked = localStorage.getItem(key) === "on";
    box.addEventListener("change", () => {
      localStorage.setItem(key, box.checked ? "on" : "off");
      box.checked ? this.startAutoVerify() : this.stopAutoVerify();
    });
    document.addEventListener("visibilitychange", () => {
      if (!box.checked) return;
      document.visibilityState === "visible" ? this.startAutoVerify() : this.stopAutoVerify();
    });
    if (box.checked) this.startAutoVerify();
  }

  startAutoVerify() {
    if (this.timer || document.querySelector("[data-completion].is-verified")) return;
    this.timer = setInterval(() => {
      if (document.visibilityState === "visible") this.verify({ quietly: true });
    }, autoInterval);
  }

  stopAutoVerify() {
    clearInterval(this.timer);
    this.timer = null;
  }
}

function details(result) {
  const parts = [];
  if (result.status === "failed") {
    if (result.expected) parts.push(line("Expected", result.expected));
    if (result.observed) parts.push(line("Found", result.observed));
    if (result.hint) parts.push(line("Hint", result.hint, "check-hint"));
  } else if (result.observed && result.status !== "passed") {
    parts.push(line(result.status === "error" ? "Not answered" : "Why", result.observed));
  }
  if (result.calls.length || Object.keys(result.facts).length) parts.push(evidence(result));
  return parts;
}

function evidence(result) {
  const box = document.createElement("details");
  box.className = "evidence";
  box.append(element("summary", `Evidence (${result.durationMs} ms)`));
  if (result.calls.length) {
    const table = document.createElement("table");
    table.className = "evidence-calls";
    const head = table.createTHead().insertRow();
    for (const title of ["AWS call", "Status", "ms"]) {
      const cell = element("th", title);
      cell.scope = "col";
      head.append(cell);
    }
    const body = table.createTBody();
    for (const call of result.calls) {
      const row = body.insertRow();
      row.insertCell().append(element("code", `${call.service} ${call.operation}`));
      row.insertCell().textContent = call.status ?? call.errorCode ?? "no answer";
      row.insertCell().textContent = String(call.milliseconds);
    }
    box.append(table);
  }
  const facts = Object.entries(result.facts);
  if (facts.length) {
    const list = document.createElement("dl");
    list.className = "evidence-facts";
    for (const [name, value] of facts.sort()) list.append(element("dt", name), element("dd", value));
    box.append(list);
  }
  return box;
}

function historyItem(attempt) {
  const item = document.createElement("li");
  item.className = `attempt is-${attempt.state}`;
  const box = document.createElement("details");
  const { passed, failed, error, total } = attempt.counts;
  let counts = `${passed} of ${total} passed`;
  if (failed) counts += `, ${failed} failed`;
  if (error) counts += `, ${error} not answered`;
  box.append(element("summary", `${new Date(attempt.startedAt).toLocaleString()}: ${counts}`));
  const checks = document.createElement("ol");
  checks.className = "check-list";
  for (const result of attempt.checks) {
    const row = document.createElement("li");
    row.className = `check is-${result.status}`;
    const body = document.createElement("div");
    body.className = "check-body";
    body.append(element("p", `${statusWords[result.status] ?? result.status}: ${result.summary}`, "check-summary"));
    body.append(...details(result));
    row.append(element("span", "", "check-mark"), body);
    row.firstChild.setAttribute("aria-hidden", "true");
    checks.append(row);
  }
  box.append(checks);
  item.append(box);
  return item;
}

function line(label, value, className = "check-line") {
  const paragraph = element("p", "", className);
  paragraph.append(element("strong", `${label}:`), ` ${value}`);
  return paragraph;
}

function element(name, content, className) {
  const node = document.createElement(name);
  if (content) node.textContent = content;
  if (className) node.className = className;
  return node;
}
