// The one-time sign-in link carries the key in its fragment (#key=…), which never reaches the server's logs:
// move it into the form, take it out of the address bar, and sign in.
const form = document.querySelector("[data-instructor-sign-in]");
const match = /^#key=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
if (form && match) {
  form.querySelector("#instructor-key").value = match[1];
  history.replaceState(null, "", window.location.pathname);
  form.submit();
}
