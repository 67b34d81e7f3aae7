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
})();
