// 点位图: the area's plan picture in Leaflet's CRS.Simple (coordinates are the picture's pixels, y down
// in our data, so a point (x, y) is drawn at latLng [height - y, x]). No tiles, nothing from elsewhere.
const element = document.querySelector("[data-plan-map]");
if (element && window.L) {
    const width = Number(element.dataset.width);
    const height = Number(element.dataset.height);
    const bounds = [[0, 0], [height, width]];
    const map = L.map(element, { crs: L.CRS.Simple, minZoom: -4, maxZoom: 2, attributionControl: false });
    L.imageOverlay(element.dataset.planUrl, bounds).addTo(map);
    map.fitBounds(bounds);
    fetch(element.dataset.markersUrl, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : []))
        .then((markers) => {
            for (const m of markers) {
                const spot = m.kind === "spot";
                const marker = L.circleMarker([height - m.y, m.x], {
                    radius: spot ? 10 : 8,
                    color: spot ? "#b00020" : "#0b4f9c",
                    fillOpacity: 0.8,
                }).addTo(map);
                const label = document.createElement(spot ? "a" : "span");
                label.textContent = m.label;
                if (spot && m.link) {
                    label.href = m.link;
                }
                marker.bindPopup(label);
            }
        });
}
