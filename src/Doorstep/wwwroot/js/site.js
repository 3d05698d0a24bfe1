// Progressive enhancement only: every page works without this file.
// A button marked data-confirm asks before it submits (e.g. signing out, irreversible actions).
document.addEventListener("submit", (event) => {
    const button = event.submitter;
    const message = button && button.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
