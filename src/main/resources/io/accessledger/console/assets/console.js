// The console works without this script; it only adds conveniences. Loaded as a module from the
// service itself (the CSP allows no inline script and no other origin).
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
