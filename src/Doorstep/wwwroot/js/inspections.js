// 创文 report form: once an area, a category and an address are chosen, ask the server for open spots
// of the same category nearby and show them (with “我也反映”) before the user registers a duplicate.
const form = document.querySelector("form[data-nearby-url]");
if (form) {
    const target = form.querySelector("[data-nearby]");
    let timer = 0;
    const look = async () => {
        const data = new FormData(form);
        const area = data.get("Input.AreaId");
        const category = data.get("Input.CategoryId");
        if (!area || area === "0" || !category) {
            return;
        }
        const url = new URL(form.dataset.nearbyUrl, location.href);
        url.searchParams.set("areaId", area);
        url.searchParams.set("categoryId", category);
        url.searchParams.set("address", data.get("Input.Address") || "");
        const point = data.get("Input.InspectionPointId");
        if (point) {
            url.searchParams.set("pointId", point);
        }
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.ok) {
            target.innerHTML = await response.text();
        }
    };
    form.addEventListener("change", (event) => {
        if (event.target instanceof HTMLInputElement && event.target.type === "file") {
            return;
        }
        look();
    });
    form.addEventListener("input", (event) => {
        if (event.target instanceof HTMLInputElement && event.target.name === "Input.Address") {
            clearTimeout(timer);
            timer = setTimeout(look, 600);
        }
    });
}

// Picking a fixed point (点位) names the place: the address takes the point's name unless the user
// typed one of their own, and only the chosen area's points are offered.
const picker = document.querySelector("select[data-point-picker]");
if (picker) {
    const form = picker.form;
    const area = form.querySelector("[name='Input.AreaId']");
    const address = form.querySelector("[name='Input.Address']");
    let filled = picker.selectedOptions[0]?.dataset.place ?? "";
    const offer = () => {
        for (const option of picker.options) {
            const other = option.dataset.area && area && area.value !== "0" && option.dataset.area !== area.value;
            option.hidden = Boolean(other);
            option.disabled = Boolean(other);
            if (other && option.selected) {
                picker.value = "";
            }
        }
    };
    picker.addEventListener("change", () => {
        const place = picker.selectedOptions[0]?.dataset.place ?? "";
        if (address && (address.value.trim() === "" || address.value === filled)) {
            address.value = place;
        }
        filled = place;
    });
    area?.addEventListener("change", offer);
    offer();
}
