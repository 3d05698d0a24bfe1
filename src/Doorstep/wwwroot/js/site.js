// Progressive enhancement only: every page works without this file.
// A button marked data-confirm asks before it submits (e.g. signing out, irreversible actions).
document.addEventListener("submit", (event) => {
    const button = event.submitter;
    const message = button && button.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// On a phone the menu is one sliding row: bring the current page's item into view.
const currentNavItem = document.querySelector(".main-nav a[aria-current=page]");
if (currentNavItem) {
    const row = currentNavItem.closest("ul");
    if (row.scrollWidth > row.clientWidth) {
        row.scrollLeft = currentNavItem.offsetLeft - row.offsetLeft - (row.clientWidth - currentNavItem.offsetWidth) / 2;
    }
}

// A field marked data-for-role shows only while the form's role select (data-role-select) has that
// role; without this script every such field shows, with a hint saying which role needs it.
const roleSelect = document.querySelector("select[data-role-select]");
if (roleSelect) {
    const showFieldsOfRole = () => {
        for (const field of roleSelect.form.querySelectorAll("[data-for-role]")) {
            field.hidden = field.dataset.forRole !== roleSelect.value;
        }
    };
    roleSelect.addEventListener("change", showFieldsOfRole);
    showFieldsOfRole();
}

// A button marked data-print prints the page; the print stylesheet keeps only what is meant for paper.
document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-print]")) {
        window.print();
    }
});

// An import being checked or written: poll its progress, and show the result once it is done.
// Without this script the page offers a refresh link.
const importProgress = document.querySelector("[data-progress-url]");
if (importProgress) {
    const bar = importProgress.querySelector("progress");
    const text = importProgress.querySelector(".progress-text");
    const poll = async () => {
        try {
            const response = await fetch(importProgress.dataset.progressUrl, { headers: { Accept: "application/json" } });
            if (response.ok) {
                const state = await response.json();
                if (state.finished) {
                    window.location.reload();
                    return;
                }
                if (state.percent !== null) {
                    bar.value = state.percent;
                    bar.textContent = state.percent + "%";
                }
                text.textContent = state.text;
            }
        } catch {
            // A dropped connection on a phone: try again on the next tick.
        }
        window.setTimeout(poll, 1000);
    };
    window.setTimeout(poll, 1000);
}
