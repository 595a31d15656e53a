// Applies the saved theme before the first paint, so a dark-theme reader never sees a white flash.
// With no saved choice the page follows the system setting (prefers-color-scheme in app.css).
(function () {
  try {
    var saved = localStorage.getItem("labguide-theme");
    if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
  } catch (error) {
    /* Storage can be disabled; the system theme still applies. */
  }
})();
