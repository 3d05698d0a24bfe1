// 送学上门, progressive enhancement only: every page works without this file.

// Campaign form: recount the members the rule matches whenever the rule changes. Without this
// script the 统计人数 button posts the form and the page comes back with the count.
const liveCount = document.querySelector("form[data-live-count]");
if (liveCount) {
    const shown = liveCount.querySelector("[data-count]");
    const button = liveCount.querySelector("[data-count-button]");
    let pending = 0;
    const recount = async () => {
        const ticket = ++pending;
        const url = new URL(liveCount.action || window.location.href, window.location.href);
        url.searchParams.set("handler", "Count");
        try {
            const response = await fetch(url, { method: "POST", body: new FormData(liveCount), headers: { Accept: "application/json" } });
            if (!response.ok || ticket !== pending) {
                return;
            }
            const result = await response.json();
            shown.textContent = result.count === null ? "—" : String(result.count);
        } catch {
            // Offline: the count stays as it was; the button still works once the network is back.
        }
    };
    liveCount.addEventListener("change", (event) => {
        if (event.target.closest("[name^='Input.MinAge'], [name^='Input.MinPartyAge'], [name='Input.CareNeeds'], [name='Input.Areas']")) {
            recount();
        }
    });
    if (button) {
        button.addEventListener("click", (event) => {
            event.preventDefault();
            recount();
        });
    }
}

// Campaign page: follow the job that creates the tasks, and show the coverage once it is done.
const campaignProgress = document.querySelector("[data-campaign-progress]");
if (campaignProgress) {
    const bar = campaignProgress.querySelector("progress");
    const poll = async () => {
        try {
            const response = await fetch(campaignProgress.dataset.campaignProgress, { headers: { Accept: "application/json" } });
            if (response.ok) {
                const state = await response.json();
                bar.value = state.percent;
                if (state.done) {
                    window.location.reload();
                    return;
                }
            }
        } catch {
            // Try again on the next tick.
        }
        window.setTimeout(poll, 1500);
    };
    window.setTimeout(poll, 1000);
}

// Visit form: what is typed is kept on the phone (localStorage) until the server has it. A send
// without network goes to an outbox that is sent when the network returns, with the form's
// idempotency key, so a resend never writes a second visit (ADR 0017). A photo cannot wait in the
// outbox; the notice says so.
const OUTBOX = "doorstep.visits.outbox";
const visitForm = document.querySelector("form[data-visit-form]");
const outboxStatus = document.querySelector("[data-outbox-status]");

const readOutbox = () => {
    try {
        return JSON.parse(window.localStorage.getItem(OUTBOX) || "[]");
    } catch {
        return [];
    }
};
const writeOutbox = (entries) => window.localStorage.setItem(OUTBOX, JSON.stringify(entries));
const say = (text) => {
    if (outboxStatus) {
        outboxStatus.textContent = text;
        outboxStatus.hidden = false;
    }
};
const fieldsOf = (form) => {
    const fields = [];
    for (const [name, value] of new FormData(form)) {
        if (typeof value === "string") {
            fields.push([name, value]);
        }
    }
    return fields;
};
const bodyOf = (fields) => {
    const body = new FormData();
    for (const [name, value] of fields) {
        body.append(name, value);
    }
    return body;
};

// How the visit form is sent from the script. The redirect is not followed: the page it leads to shows
// the confirmation once, and that should be the page the cadre then sees. A sign-in that ran out
// answers 401 to a request marked as the script's, rather than a redirect that would look like success.
const sending = { credentials: "same-origin", redirect: "manual", headers: { "X-Requested-With": "XMLHttpRequest" } };

// Sends what waits in the outbox; an entry leaves it once the server answered (a visit, or the same
// visit again), and stays on a network error.
let flushing = false;
const flushOutbox = async () => {
    if (flushing || !navigator.onLine) {
        return;
    }
    flushing = true;
    try {
        let sent = 0;
        for (const entry of readOutbox()) {
            try {
                const response = await fetch(entry.action, { method: "POST", body: bodyOf(entry.fields), ...sending });
                if (response.type === "opaqueredirect" || response.ok) {
                    writeOutbox(readOutbox().filter((e) => e.key !== entry.key));
                    window.localStorage.removeItem(entry.draft);
                    sent++;
                }
            } catch {
                break;
            }
        }
        if (sent > 0) {
            say(`网络已恢复，已发送 ${sent} 条走访记录。`);
            if (visitForm && visitForm.dataset.doneUrl && !readOutbox().length) {
                window.location.assign(visitForm.dataset.doneUrl);
            }
        }
    } finally {
        flushing = false;
    }
};

if (visitForm) {
    const draftKey = "doorstep.visits.draft." + visitForm.dataset.visitForm;
    const restore = () => {
        let saved;
        try {
            saved = JSON.parse(window.localStorage.getItem(draftKey) || "null");
        } catch {
            saved = null;
        }
        if (!saved) {
            return;
        }
        const values = new Map();
        for (const [name, value] of saved) {
            values.set(name, [...(values.get(name) || []), value]);
        }
        for (const element of visitForm.elements) {
            if (!element.name || element.type === "file" || element.name === "__RequestVerificationToken" || !values.has(element.name)) {
                continue;
            }
            const chosen = values.get(element.name);
            if (element.type === "checkbox" || element.type === "radio") {
                element.checked = chosen.includes(element.value);
            } else {
                element.value = chosen[0];
            }
        }
    };
    const save = () => window.localStorage.setItem(draftKey, JSON.stringify(fieldsOf(visitForm)));
    const showRevisit = () => {
        const chosen = visitForm.querySelector("input[name='Input.Outcome']:checked");
        const field = visitForm.querySelector("[data-revisit-field]");
        if (field) {
            field.hidden = !(chosen && chosen.dataset.asksRevisit === "true");
        }
    };

    restore();
    showRevisit();
    visitForm.addEventListener("input", save);
    visitForm.addEventListener("change", () => {
        save();
        showRevisit();
    });

    visitForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        save();
        const fields = fieldsOf(visitForm);
        const key = (fields.find(([name]) => name === "Input.Key") || [])[1];
        const hasPhoto = [...visitForm.querySelectorAll("input[type=file]")].some((input) => input.files && input.files.length > 0);
        const queue = () => {
            writeOutbox([...readOutbox().filter((e) => e.key !== key), { key, action: visitForm.action, fields, draft: draftKey }]);
            say(hasPhoto
                ? "现在没有网络。走访记录已保存在手机上，网络恢复后会自动发送；照片无法离线保存，请联网后在档案中补拍。"
                : "现在没有网络。走访记录已保存在手机上，网络恢复后会自动发送，不会重复登记。");
        };
        if (!navigator.onLine) {
            queue();
            return;
        }
        try {
            const response = await fetch(visitForm.action, { method: "POST", body: new FormData(visitForm), ...sending });
            if (response.type === "opaqueredirect") {
                window.localStorage.removeItem(draftKey);
                window.location.assign(visitForm.dataset.doneUrl);
            } else {
                // The server found something to correct: let it show the page with its messages.
                visitForm.submit();
            }
        } catch {
            queue();
        }
    });
}

window.addEventListener("online", flushOutbox);
flushOutbox();
