// MoonKnight console behaviour. No inline scripts: the Content-Security-Policy forbids them.
(function () {
    'use strict';
    // htmx requests carry the CSRF token like forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });
    // Buttons with data-confirm ask before submitting their form.
    document.addEventListener('submit', function (event) {
        var submitter = event.submitter;
        var message = (submitter && submitter.dataset.confirm) || event.target.dataset.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
    // Parts of a form that belong to some values of a select only (data-shown-for="accessType"
    // data-values="PPPOE HOTSPOT"): the others are hidden and disabled, so what they hold is not sent.
    function showParts() {
        document.querySelectorAll('[data-shown-for]').forEach(function (part) {
            var select = document.getElementById(part.dataset.shownFor);
            if (!select) {
                return;
            }
            var shown = part.dataset.values.split(' ').indexOf(select.value) >= 0;
            part.hidden = !shown;
            part.querySelectorAll('input, select, textarea').forEach(function (input) {
                input.disabled = !shown;
            });
        });
    }
    document.addEventListener('change', function (event) {
        if (event.target.id && document.querySelector('[data-shown-for="' + event.target.id + '"]')) {
            showParts();
        }
    });
    showParts();
})();
