// The print button stays hidden without JavaScript (the browser's own print still works); with
// JavaScript its wrapper is shown and the button opens the print dialogue. The click listener is
// delegated, so it works on results that htmx swapped in.
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
