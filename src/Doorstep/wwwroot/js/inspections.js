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
