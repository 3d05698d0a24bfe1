// Progressive enhancement only: every page works without this file.
// A button marked data-confirm asks before it submits (e.g. signing out, irreversible actions).
document.addEventListener("submit", (event) => {
    const button = event.submitter;
    const message = button && button.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

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
