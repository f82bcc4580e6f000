// The site's own behaviour, bundled into static/js/app.js. Every page works without it; it adds
// what only a script can do.

// After htmx swaps in a new question or an error summary, move focus to it so that keyboard
// and screen reader users start at the new content. The error summary comes first in the page,
// so it wins over the question heading when both are present.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.target || document;
  var focusable = target.querySelector("[data-focus-on-swap]");
  if (focusable) {
    focusable.focus();
  }
});

// Print buttons stay hidden without JavaScript (the browser's own print still works); with it
// their wrapper is shown and the button opens the print dialogue. The click listener is
// delegated, so it also works on content that htmx swapped in.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print-page] button")) {
    window.print();
  }
});

function revealPrintButtons() {
  document.querySelectorAll("[data-print-page]").forEach(function (wrapper) {
    wrapper.hidden = false;
  });
}
document.addEventListener("DOMContentLoaded", revealPrintButtons);
document.addEventListener("htmx:afterSettle", revealPrintButtons);

// When a form sent with htmx cannot reach the site (no signal), nothing would happen: say so in
// an error summary above the form, with the emergency number. The form is left as it is, with
// its answers, and its button sends it again; the next page that arrives replaces the message.
document.addEventListener("htmx:sendError", function (event) {
  var template = document.getElementById("offline-error");
  var form = event.detail.elt.closest("form") || event.detail.elt;
  if (!template || !form.parentNode) {
    return;
  }
  var shown = document.querySelector("[data-offline-error]");
  if (shown) {
    shown.remove();
  }
  var summary = template.content.firstElementChild.cloneNode(true);
  var column = form.closest(".govuk-grid-column-two-thirds");
  var before = column && column.contains(form) ? column.firstElementChild : form;
  before.parentNode.insertBefore(summary, before);
  summary.focus();
});

// After one visit the emergency pages stay available when the signal drops. The worker is served
// from the site's root so that it looks after every page; see static/js/service-worker.js.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/service-worker.js").catch(function () {
      // Private browsing and some settings refuse workers: the site works as before.
    });
  });
}
