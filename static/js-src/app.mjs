// The site's one script, bundled by `npm run js` (see package.json) into static/js/app.js: our own
// behaviour (site.js), and GOV.UK Frontend's scripts for the components we use, from the npm
// package. Nothing else of GOV.UK Frontend is loaded. One file keeps a first visit to 5 requests.
//
// - Checkboxes: ticking "None of these" (data-behaviour="exclusive") clears the signs, and
//   ticking a sign clears "None of these".
// - Error summary: its links move focus to the field with the problem, and to the summary first.
// - Service navigation: the "Menu" toggle that folds the menu on a phone.
import "./site.js";
import { Checkboxes, ErrorSummary, ServiceNavigation, createAll } from "govuk-frontend";

// GOV.UK Frontend sets this class from an inline script; our Content Security Policy allows no
// inline script, so it is set here, before any component starts.
document.body.classList.add("govuk-frontend-supported");

function start(scope) {
  createAll(Checkboxes, undefined, scope);
  createAll(ErrorSummary, undefined, scope);
}

createAll(ServiceNavigation);
start(document);

// htmx swaps each new question or error summary into the page: start the components it brings.
// An out-of-band swap (the back link) reports the same target again, with itself as the element:
// starting twice would fail, so only the main swap starts them.
document.addEventListener("htmx:afterSwap", function (event) {
  if (event.detail.elt === event.detail.target) {
    start(event.detail.target);
  }
});
