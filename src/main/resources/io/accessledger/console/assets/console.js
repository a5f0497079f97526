// The console works without this script; it only adds conveniences. Loaded as a module from the
// service itself (the CSP allows no inline script and no other origin).
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

// Need-to-know audit: while a run goes, ask how it is getting on and show it; load the page again
// (which then shows the findings, without running anything again) once it has finished. Without
// this script the page's "Check again" link does the same by hand.
const auditStatus = document.querySelector('[data-audit-status]');
if (auditStatus) {
  const bar = document.getElementById('audit-progress');
  const text = document.getElementById('audit-progress-text');
  let said = 0; // the live region speaks at most every 5 seconds, not on every poll
  const poll = async () => {
    try {
      const answer = await fetch(auditStatus.dataset.auditStatus,
        { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (answer.redirected || !(answer.headers.get('Content-Type') || '').includes('json')) {
        window.location.reload(); // the session ended: the page itself goes to sign in
        return;
      }
      if (!answer.ok) {
        return; // the "Check again" link still works
      }
      const status = await answer.json();
      if (status.finished) {
        window.location.reload();
        return;
      }
      if (status.of >= 0) {
        bar.max = Math.max(status.of, 1);
        bar.value = status.read;
      }
      if (text.textContent !== status.text && Date.now() - said >= 5000) {
        text.textContent = status.text;
        said = Date.now();
      }
      window.setTimeout(poll, 1000);
    } catch (e) {
      // a network blip: the link still works
    }
  };
  window.setTimeout(poll, 500);
}

// An error summary takes the focus, as GOV.UK Frontend's own script would do.
const errorSummary = document.querySelector('.govuk-error-summary');
if (errorSummary) {
  errorSummary.focus();
}
