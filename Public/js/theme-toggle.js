// The header's theme button: cycles system → light → dark and remembers the choice.
const order = ["system", "light", "dark"];
const labels = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

export function setUpThemeToggle(button) {
  if (!button) return;
  const current = () => document.documentElement.dataset.theme || "system";
  const show = () => {
    button.querySelector(".theme-toggle-label").textContent = labels[current()];
    button.setAttribute("aria-label", `${labels[current()]}. Switch colour theme`);
  };
  button.hidden = false;
  show();
  button.addEventListener("click", () => {
    const next = order[(order.indexOf(current()) + 1) % order.length];
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    try {
      if (next === "system") localStorage.removeItem("labguide-theme");
      else localStorage.setItem("labguide-theme", next);
    } catch (error) {
      /* Not remembered, but applied for this page. */
    }
    show();
  });
}
