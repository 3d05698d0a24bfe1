// Progressive enhancement only: every page works without this file.
// A button marked data-confirm asks before it submits (e.g. signing out, irreversible actions).
document.addEventListener("submit", (event) => {
    const button = event.submitter;
    const message = button && button.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// A button marked data-print prints the page; the print stylesheet keeps only what is meant for paper.
document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-print]")) {
        window.print();
    }
});
