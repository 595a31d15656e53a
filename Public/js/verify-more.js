// "Verify this exercise" and "Verify everything up to my current step" on the overview: one job for many
// steps, with each step's state shown beside it as the job's events arrive. Without JavaScript the forms post
// and the verification page refreshes itself until every step has its answer.
const jsonHeaders = { "Content-Type": "application/json", Accept: "application/json" };
const words = {
  running: "checking…", passed: "verified", failed: "not yet", incomplete: "not answered: try again",
  unsupported: "not checkable here",
};

export function enhanceVerifyMore(root) {
  for (const form of root.querySelectorAll("[data-verify-more]")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run(form);
    });
  }
}

async function run(form) {
  const status = form.querySelector("[data-verify-more-status]");
  const button = form.querySelector("button");
  const exercise = form.querySelector("input[name=exercise]")?.value;
  const lab = form.action.split("/labs/")[1].split("/")[0];
  button.disabled = true;
  status.textContent = "Starting…";
  try {
    const response = await fetch(`/api/v1/labs/${lab}/verify`, {
      method: "POST", headers: jsonHeaders,
      body: JSON.stringify(exercise ? { exercise } : { upToCurrent: true }),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer?.error?.message ?? `The server answered ${response.status}.`);
    show(answer.attempts, status);
    const source = new EventSource(`/api/v1/jobs/${answer.job.id}/events`);
    const refresh = async (isLast) => {
      const latest = await fetch(`/api/v1/labs/${lab}/attempts?job=${answer.job.id}`, { headers: jsonHeaders });
      if (latest.ok) show((await latest.json()).attempts, status);
      if (isLast) button.disabled = false;
    };
    source.addEventListener("progress", () => refresh(false));
    source.addEventListener("result", () => {
      source.close();
      refresh(true);
    });
  } catch (error) {
    button.disabled = false;
    status.textContent = error.message;
  }
}

function show(attempts, status) {
  for (const attempt of attempts) {
    const item = document.querySelector(`.step-list [data-step-id="${CSS.escape(attempt.stepId)}"]`);
    const live = item?.querySelector("[data-verify-live]");
    if (!live) continue;
    live.textContent = words[attempt.state] ?? attempt.state;
    live.className = `verify-live badge is-${attempt.state}`;
    if (attempt.state === "passed") item.classList.add("is-complete", "is-verified");
  }
  const done = attempts.filter((attempt) => attempt.state !== "running").length;
  const verified = attempts.filter((attempt) => attempt.state === "passed").length;
  status.textContent =
    done < attempts.length
      ? `Checking ${done + 1} of ${attempts.length} steps…`
      : `${verified} of ${attempts.length} steps verified.`;
}
