// The class on a learner's step page: the instructor's broadcasts (until dismissed), the hold (the page reloads
// when it is put on or lifted), and the raise-hand button. One EventSource per page; it reconnects by itself.
const box = document.querySelector("[data-class-live]");
if (box && window.EventSource) {
  const api = box.dataset.api;
  const banners = box.querySelector("[data-class-broadcasts]");
  const hand = box.querySelector("[data-raise-hand]");
  const dismissedKey = "labguide-dismissed-broadcasts";
  const dismissed = () => {
    try {
      return new Set(JSON.parse(localStorage.getItem(dismissedKey) || "[]"));
    } catch (error) {
      return new Set();
    }
  };
  let handRaised = false;
  const showHand = () => {
    hand.hidden = false;
    hand.textContent = handRaised ? "✋ Hand raised — lower it" : "✋ Raise hand";
    hand.setAttribute("aria-pressed", String(handRaised));
  };
  hand.addEventListener("click", async () => {
    hand.disabled = true;
    try {
      const response = await fetch(`${api}/hand`, {
        method: handRaised ? "DELETE" : "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: handRaised ? undefined : "{}",
        credentials: "same-origin",
      });
      if (response.ok) handRaised = (await response.json()).raised;
    } finally {
      hand.disabled = false;
      showHand();
    }
  });
  const render = (broadcasts) => {
    const hidden = dismissed();
    banners.replaceChildren();
    for (const broadcast of broadcasts) {
      if (hidden.has(broadcast.id)) continue;
      const banner = document.createElement("div");
      banner.className = "broadcast notice";
      banner.setAttribute("role", "status");
      banner.dataset.broadcastId = String(broadcast.id);
      const text = document.createElement("p");
      // The server escaped the text before turning its few Markdown marks into tags.
      text.innerHTML = broadcast.html;
      const close = document.createElement("button");
      close.type = "button";
      close.className = "link-button";
      close.textContent = "Dismiss";
      close.addEventListener("click", () => {
        const all = dismissed();
        all.add(broadcast.id);
        try {
          localStorage.setItem(dismissedKey, JSON.stringify([...all].slice(-200)));
        } catch (error) {
          /* Dismissed for this page only. */
        }
        banner.remove();
      });
      banner.append("Instructor: ", text, close);
      banners.append(banner);
    }
  };
  const source = new EventSource(`${api}/class-events`);
  source.addEventListener("class", (event) => {
    const state = JSON.parse(event.data);
    if (String(state.isHeld) !== box.dataset.held) {
      window.location.reload();
      return;
    }
    handRaised = state.handRaised;
    showHand();
    render(state.broadcasts);
  });
}
