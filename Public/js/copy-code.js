// Adds a Copy button to every code block. It copies exactly the command: the text as shown,
// with the learner's values filled in, no trailing newline and no leading "$ " prompt.
export function commandText(code) {
  let text = code.textContent.replace(/\n+$/, "");
  if (/^\$ /.test(text)) text = text.split("\n").map((line) => line.replace(/^\$ /, "")).join("\n");
  return text;
}

async function writeClipboard(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP classroom servers are not a secure context: fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("copy refused");
}

export function enhanceCodeBlocks(root) {
  for (const figure of root.querySelectorAll("figure.code")) {
    const code = figure.querySelector("code");
    if (!code || figure.querySelector(".copy-button")) continue;
    let caption = figure.querySelector("figcaption");
    if (!caption) {
      caption = document.createElement("figcaption");
      figure.prepend(caption);
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", `Copy ${figure.dataset.language || "code"} to the clipboard`);
    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    button.addEventListener("click", async () => {
      try {
        await writeClipboard(commandText(code));
        button.textContent = "Copied";
        button.dataset.copied = "";
        status.textContent = "Copied to the clipboard";
      } catch (error) {
        button.textContent = "Select and copy";
        status.textContent = "Copying is blocked here; select the text and copy it by hand";
      }
      setTimeout(() => {
        button.textContent = "Copy";
        delete button.dataset.copied;
      }, 2000);
    });
    caption.append(button, status);
  }
}
