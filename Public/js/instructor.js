// The instructor's live class view: rows replaced as learner events arrive over SSE (EventSource resumes with
// Last-Event-ID after a dropped connection), client-side sort and "hide names", and the JSON actions.
const root = document.querySelector("[data-instructor]");
const learnerPage = document.querySelector("[data-learner-page]");
const status = (text) => {
  const line = document.querySelector("[data-action-status]") || document.querySelector("[data-cleanup-status]");
  if (line) line.textContent = text;
};

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body ?? {}),
    credentials: "same-origin",
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer?.error?.message || `The server answered ${response.status}.`);
  return answer;
}

const act = (work) => async (event) => {
  event?.preventDefault?.();
  try {
    status(await work());
  } catch (error) {
    status(`Not done: ${error.message}`);
  }
};

function ticking() {
  const now = Date.now() / 1000;
  for (const span of document.querySelectorAll("[data-since]")) {
    const seconds = Math.max(0, Math.round(now - Number(span.dataset.since)));
    span.textContent =
      seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 3600)} h ${String(Math.floor(seconds / 60) % 60).padStart(2, "0")} min`;
  }
}

function sortRows(order) {
  const body = root.querySelector("[data-matrix] tbody");
  const rows = [...body.rows];
  const key = {
    stuck: (row) => -(Number(row.dataset.stuck) * 2 + Number(row.dataset.hand)),
    progress: (row) => -Number(row.dataset.progress),
    activity: (row) => -Number(row.dataset.activity),
  }[order];
  rows.sort((a, b) => key(a) - key(b));
  body.append(...rows);
}

function renderList(listSelector, emptySelector, rows, pick) {
  const list = root.querySelector(listSelector);
  list.replaceChildren();
  for (const row of rows) {
    const text = pick(row);
    if (!text) continue;
    const item = document.createElement("li");
    item.dataset.learnerId = String(row.learnerId);
    const link = document.createElement("a");
    link.href = `/instructor/learners/${row.learnerId}?lab=${root.dataset.lab}`;
    link.className = "learner-real-name";
    link.textContent = row.name;
    const alias = document.createElement("span");
    alias.className = "learner-alias";
    alias.textContent = `Learner ${row.learnerId}`;
    item.append(link, alias, text.text);
    if (text.since) {
      // "since 2 min ago", kept current by `ticking` like the matrix's times.
      const meta = document.createElement("span");
      meta.className = "meta";
      const since = document.createElement("span");
      since.dataset.since = String(Math.round(Date.parse(text.since) / 1000));
      meta.append(" since ", since, " ago");
      item.append(meta);
    }
    if (text.button) item.append(" ", text.button);
    list.append(item);
  }
  root.querySelector(emptySelector).hidden = list.children.length > 0;
}

function setUpClass() {
  const rowsByLearner = new Map();
  const body = root.querySelector("[data-matrix] tbody");
  const sort = root.querySelector("[data-sort]");
  const hide = root.querySelector("[data-hide-names]");
  const live = root.querySelector("[data-live-status]");
  try {
    hide.checked = localStorage.getItem("labguide-hide-names") === "true";
  } catch (error) {
    /* Not remembered. */
  }
  const applyHide = () => root.classList.toggle("hide-names", hide.checked);
  hide.addEventListener("change", () => {
    applyHide();
    try {
      localStorage.setItem("labguide-hide-names", String(hide.checked));
    } catch (error) {
      /* Applied for this page. */
    }
  });
  applyHide();
  sort.addEventListener("change", () => sortRows(sort.value));
  const clearButton = (learnerId) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small";
    button.textContent = "Clear";
    button.dataset.clearHand = String(learnerId);
    return button;
  };
  const refreshLists = () => {
    const rows = [...rowsByLearner.values()];
    renderList("[data-hands]", "[data-hands-empty]", rows, (row) =>
      row.raisedHand ? { text: ` on ${row.raisedHand.stepTitle}`, since: row.raisedHand.raisedAt, button: clearButton(row.learnerId) } : null,
    );
    renderList("[data-stuck-list]", "[data-stuck-empty]", rows, (row) =>
      row.stuck ? { text: `: ${row.stuck.summary}${row.stuck.lastFailedMessage ? ` — last failed check: ${row.stuck.lastFailedCheck}: ${row.stuck.lastFailedMessage}` : ""}` } : null,
    );
    ticking();
  };
  const params = new URLSearchParams({ after: root.dataset.lastEventId });
  if (root.dataset.exercise) params.set("exercise", root.dataset.exercise);
  const source = new EventSource(`/api/v1/instructor/labs/${root.dataset.lab}/events?${params}`);
  source.addEventListener("open", () => (live.textContent = "Live: changes show as they happen."));
  source.addEventListener("error", () => (live.textContent = "Reconnecting…"));
  // The lists need every learner's row, and the page was rendered without them: the class is fetched once, and the
  // events wait for it. Events are applied one after another, in the order they came, so an older row never
  // replaces a newer one while the first fetch is still out.
  const primed = fetch(`/api/v1/instructor/labs/${root.dataset.lab}/class`, { credentials: "same-origin" })
    .then((response) => response.json())
    .then(({ rows }) => {
      for (const row of rows) if (!rowsByLearner.has(row.learnerId)) rowsByLearner.set(row.learnerId, row);
      refreshLists();
    })
    .catch(() => {
      /* The lists keep what the page showed until the stream sends rows. */
    });
  let applied = primed;
  const applyRows = (data) => {
    const { rows } = JSON.parse(data);
    const template = document.createElement("tbody");
    for (const { row, html } of rows) {
      rowsByLearner.set(row.learnerId, row);
      template.innerHTML = html;
      const fresh = template.firstElementChild;
      const old = body.querySelector(`tr[data-learner-id="${row.learnerId}"]`);
      if (old) old.replaceWith(fresh);
      else body.append(fresh);
    }
    root.querySelector("[data-learner-count]").textContent = String(body.rows.length);
    refreshLists();
  };
  source.addEventListener("rows", (event) => {
    // A row that cannot be drawn is skipped, so the ones after it still are.
    applied = applied.then(() => applyRows(event.data)).catch(() => {});
  });
  root.addEventListener("click", (event) => {
    const target = event.target.closest("[data-clear-hand], [data-withdraw]");
    if (!target) return;
    if (target.dataset.clearHand) {
      act(async () => {
        await post(`/api/v1/instructor/hands/${target.dataset.clearHand}/clear`);
        target.closest("li")?.remove();
        return "Hand cleared.";
      })();
    } else {
      act(async () => {
        await post(`/api/v1/instructor/broadcasts/${target.dataset.withdraw}/withdraw`);
        target.closest("li")?.remove();
        return "Broadcast withdrawn.";
      })();
    }
  });
  const broadcast = root.querySelector("[data-broadcast-form]");
  broadcast.addEventListener(
    "submit",
    act(async () => {
      const data = new FormData(broadcast);
      const sent = await post(`/api/v1/instructor/labs/${root.dataset.lab}/broadcasts`, {
        message: data.get("message"),
        stepId: data.get("stepId") || null,
      });
      const item = document.createElement("li");
      item.innerHTML = sent.html;
      const withdraw = document.createElement("button");
      withdraw.type = "button";
      withdraw.className = "button button-small";
      withdraw.dataset.withdraw = String(sent.id);
      withdraw.textContent = "Withdraw";
      item.append(" ", withdraw);
      root.querySelector("[data-broadcasts]").append(item);
      broadcast.reset();
      return "Broadcast sent.";
    }),
  );
  const hold = root.querySelector("[data-hold-form]");
  const holdStatus = root.querySelector("[data-hold-status]");
  hold.addEventListener(
    "submit",
    act(async () => {
      const answer = await post(`/api/v1/instructor/labs/${root.dataset.lab}/hold`, { exerciseId: new FormData(hold).get("exerciseId") });
      holdStatus.textContent = `Held at ${answer.hold.exerciseTitle}: later exercises wait.`;
      return "Class held.";
    }),
  );
  root.querySelector("[data-release]").addEventListener(
    "click",
    act(async () => {
      await post(`/api/v1/instructor/labs/${root.dataset.lab}/release`);
      holdStatus.textContent = "Not held.";
      return "Class released.";
    }),
  );
  root.querySelector("[data-cleanup-all]").addEventListener(
    "click",
    act(async () => {
      if (!window.confirm("Delete every learner's lab resources?")) return "Nothing deleted.";
      await post(`/api/v1/instructor/labs/${root.dataset.lab}/cleanup`, { dryRun: false });
      followCleanup(root.dataset.lab, root.querySelector("[data-cleanup-status]"));
      return "Clean-up started.";
    }),
  );
  setInterval(ticking, 15000);
}

// Cleanup jobs report progress in the store; while any runs, read their states every second.
function followCleanup(lab, line, learnerId) {
  const timer = setInterval(async () => {
    const response = await fetch(`/api/v1/instructor/labs/${lab}/cleanup`, { credentials: "same-origin" });
    if (!response.ok) return;
    const jobs = (await response.json()).jobs.filter((job) => !learnerId || job.learnerId === learnerId);
    const active = jobs.filter((job) => ["available", "scheduled", "running", "retryable"].includes(job.state));
    const done = jobs.length - active.length;
    line.textContent = `${done} of ${jobs.length} clean-ups finished${active[0]?.progress?.message ? ` · ${active[0].progress.message}` : ""}`;
    if (active.length === 0) clearInterval(timer);
  }, 1000);
}

if (root) setUpClass();
if (learnerPage) {
  const line = learnerPage.querySelector("[data-cleanup-status]");
  for (const button of learnerPage.querySelectorAll("[data-cleanup-learner]")) {
    button.addEventListener(
      "click",
      act(async () => {
        const dryRun = button.dataset.dryRun === "true";
        if (!dryRun && !window.confirm("Delete this learner's lab resources?")) return "Nothing deleted.";
        await post(`/api/v1/instructor/labs/${learnerPage.dataset.lab}/cleanup`, {
          learnerId: Number(button.dataset.cleanupLearner),
          dryRun,
        });
        followCleanup(learnerPage.dataset.lab, line);
        return dryRun ? "Scan started." : "Clean-up started.";
      }),
    );
  }
}
