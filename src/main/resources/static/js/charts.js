// Draws every <canvas data-chart="usage"> with Chart.js, on load and whenever htmx brings one in.
(function () {
    'use strict';
    function megabytes(values) {
        return values.map(function (v) { return Math.round(v / 1e4) / 100; });
    }
    function draw(root) {
        root.querySelectorAll('canvas[data-chart="usage"]').forEach(function (canvas) {
            if (canvas.dataset.drawn || typeof Chart === 'undefined') {
                return;
            }
            canvas.dataset.drawn = 'true';
            new Chart(canvas, {
                type: 'bar',
                data: {
                    labels: JSON.parse(canvas.dataset.labels),
                    datasets: [
                        {label: 'Download (MB)', data: megabytes(JSON.parse(canvas.dataset.download))},
                        {label: 'Upload (MB)', data: megabytes(JSON.parse(canvas.dataset.upload))}
                    ]
                },
                options: {responsive: true, maintainAspectRatio: false, scales: {x: {stacked: true}, y: {stacked: true}}}
            });
        });
    }
    document.addEventListener('DOMContentLoaded', function () { draw(document); });
    document.addEventListener('htmx:afterSwap', function (event) { draw(event.target); });
})();
