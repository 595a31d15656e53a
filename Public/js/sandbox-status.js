// Tells the learner, on every page, when the sandbox is down or restarting, and when a restart gave some of
// their resources new ids. The server answers from memory; a poll every 15 s costs next to nothing.
const POLL_MS = 15000;

export function watchSandboxStatus(banner) {
  if (!banner) return;
  const render = (status) => {
    const problem = status.state !== "ready";
    const changed = status.changedIdentifiers.length > 0;
    banner.hidden = !problem && !changed;
    banner.classList.toggle("is-down", problem);
    banner.classList.toggle("is-changed", !problem && changed);
    banner.replaceChildren();
    const text = document.createElement("span");
    text.textContent = problem
      ? status.summary
      : `The sandbox restarted and gave ${status.changedIdentifiers.length} of your resources new ids; ` +
        "LabGuide translates them, so your commands keep working. ";
    banner.append(text);
    const link = document.createElement("a");
    link.href = "/sandbox";
    link.textContent = problem ? " Sandbox details" : "See which ids changed";
    banner.append(link);
  };
  const poll = async () => {
    try {
      const response = await fetch("/api/v1/sandbox", { headers: { Accept: "application/json" } });
      if (response.ok) render(await response.json());
    } catch {
      // The server itself is unreachable: the browser already says so.
    }
  };
  poll();
  setInterval(() => { if (!document.hidden) poll(); }, POLL_MS);
}
