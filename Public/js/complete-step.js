// "Mark complete" without a page reload: posts to the JSON API and updates the sidebar and progress.
// Without JavaScript the same form posts to the page route with its CSRF token.
export function enhanceCompleteForms(root) {
  for (const form of root.querySelectorAll("[data-complete-form]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = form.querySelector("[data-complete-button]");
      const status = form.querySelector("[data-complete-status]");
      button.disabled = true;
      status.textContent = "Saving…";
      try {
        const response = await fetch(form.dataset.api, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: "{}",
          credentials: "same-origin",
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(body?.error?.message || `The server answered ${response.status}.`);
        showCompleted(form, status, body.lab);
      } catch (error) {
        button.disabled = false;
        status.textContent = `Not saved: ${error.message}`;
      }
    });
  }
}

function showCompleted(form, status, lab) {
  // The page already holds the completed wording: the class on each [data-completion] switches to it.
  status.textContent = "Saved. You completed this step.";
  form.closest("[data-completion]")?.classList.add("is-complete");
  // The focused button is now hidden; keyboard users continue from the link to the next step.
  document.querySelector(".pager-next")?.focus();
  const item = document.querySelector(`.step-sidebar [data-step-id="${CSS.escape(form.dataset.stepId)}"]`);
  if (item && !item.classList.contains("is-complete")) {
    item.classList.add("is-complete");
    // What screen readers hear after the link; the server writes the same span for completed steps.
    item.insertAdjacentHTML("beforeend", '<span class="visually-hidden"> (complete)</span>');
  }
  if (!lab) return;
  const bar = document.querySelector("[data-progress-bar]");
  if (bar) {
    bar.setAttribute("width", String(lab.percent));
    bar.parentElement.setAttribute("aria-valuenow", String(lab.percent));
  }
  const text = document.querySelector("[data-progress-text]");
  if (text) text.textContent = `${lab.completedSteps} of ${lab.totalSteps} complete`;
}
