// Progressive enhancements for every page. Everything here also works without it:
// forms post normally, the theme follows the system, and code can be selected by hand.
import { enhanceCodeBlocks } from "./copy-code.js";
import { enhanceCompleteForms } from "./complete-step.js";
import { setUpThemeToggle } from "./theme-toggle.js";
import { watchSandboxStatus } from "./sandbox-status.js";
import { enhanceJobPanels } from "./job-panel.js";
import { enhanceVerifyPanels } from "./verify-step.js";
import { enhanceVerifyMore } from "./verify-more.js";

setUpThemeToggle(document.querySelector("[data-theme-toggle]"));
enhanceCodeBlocks(document);
enhanceCompleteForms(document);
watchSandboxStatus(document.querySelector("[data-sandbox-status]"));
enhanceJobPanels(document);
enhanceVerifyPanels(document);
enhanceVerifyMore(document);

// On a phone the step list starts folded so the step itself comes first.
const sidebar = document.querySelector(".sidebar-details");
if (sidebar && window.matchMedia("(max-width: 860px)").matches) sidebar.open = false;
