// Customer maps (Leaflet). OpenStreetMap tiles load when the browser is online; offline the pins and the
// coordinate inputs still work on a blank background.
(function () {
    'use strict';
    if (typeof L === 'undefined') {
        return; // Leaflet did not load: the coordinate inputs remain.
    }
    function baseMap(element, lat, lng, zoom) {
        var map = L.map(element, {scrollWheelZoom: false}).setView([lat, lng], zoom);
        L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', {
            maxZoom: 19,
            attribution: '&copy; OpenStreetMap contributors'
        }).addTo(map);
        return map;
    }
    function number(value) {
        var n = parseFloat(String(value || '').replace(',', '.'));
        return isFinite(n) ? n : null;
    }
    // A map where a pin is placed by clicking or dragging; it writes latitude and longitude into two inputs.
    document.querySelectorAll('[data-map="picker"]').forEach(function (element) {
        var latInput = document.getElementById(element.dataset.latInput);
        var lngInput = document.getElementById(element.dataset.lngInput);
        var lat = number(latInput.value), lng = number(lngInput.value);
        var map = baseMap(element, lat !== null ? lat : number(element.dataset.defaultLat) || 0,
            lng !== null ? lng : number(element.dataset.defaultLng) || 0, lat !== null ? 16 : (element.dataset.defaultLat ? 12 : 2));
        var marker = null;
        function place(latlng) {
            if (marker) {
                marker.setLatLng(latlng);
            } else {
                marker = L.marker(latlng, {draggable: true}).addTo(map);
                marker.on('dragend', function () { write(marker.getLatLng()); });
            }
        }
        function write(latlng) {
            latInput.value = latlng.lat.toFixed(6);
            lngInput.value = latlng.lng.toFixed(6);
        }
        if (lat !== null && lng !== null) {
            place([lat, lng]);
        }
        map.on('click', function (event) {
            place(event.latlng);
            write(event.latlng);
        });
        [latInput, lngInput].forEach(function (input) {
            input.addEventListener('change', function () {
                var a = number(latInput.value), b = number(lngInput.value);
                if (a !== null && b !== null) {
                    place([a, b]);
                    map.setView([a, b], Math.max(map.getZoom(), 15));
                }
            });
        });
        var clear = document.getElementById(element.dataset.clearButton);
        if (clear) {
            clear.addEventListener('click', function () {
                latInput.value = '';
                lngInput.value = '';
                if (marker) {
                    map.removeLayer(marker);
                    marker = null;
                }
            });
        }
    });
    // One customer's pin.
    document.querySelectorAll('[data-map="single"]').forEach(function (element) {
        var lat = number(element.dataset.lat), lng = number(element.dataset.lng);
        var map = baseMap(element, lat, lng, 16);
        L.marker([lat, lng]).addTo(map).bindPopup(element.dataset.label || '');
    });
    // Many customers' pins, fetched as JSON.
    document.querySelectorAll('[data-map="pins"]').forEach(function (element) {
        var map = baseMap(element, 0, 0, 2);
        fetch(element.dataset.pinsUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) { return response.json(); })
            .then(function (pins) {
                var bounds = [];
                pins.forEach(function (pin) {
                    var colour = pin.status === 'ACTIVE' ? '#198754' : pin.status === 'SUSPENDED' ? '#dc3545' : pin.status === 'LEAD' ? '#0d6efd' : '#6c757d';
                    var marker = L.circleMarker([pin.latitude, pin.longitude], {radius: 6, color: colour, fillOpacity: 0.8}).addTo(map);
                    var link = document.createElement('a');
                    link.href = '/customers/' + pin.id;
                    link.textContent = pin.displayName + ' (' + pin.accountNumber + ')';
                    marker.bindPopup(link);
                    bounds.push([pin.latitude, pin.longitude]);
                });
                if (bounds.length) {
                    map.fitBounds(bounds, {padding: [20, 20], maxZoom: 16});
                }
                var count = document.getElementById(element.dataset.countTarget);
                if (count) {
                    count.textContent = pins.length;
                }
            });
    });
})();
