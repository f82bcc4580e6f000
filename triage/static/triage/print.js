// The print button stays hidden without JavaScript (the browser's own print still works); with
// JavaScript it is shown and opens the print dialogue. Delegated, so it works after htmx swaps.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print-page]")) {
    window.print();
  }
});
function revealPrintButtons() {
  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.hidden = false;
  });
}
document.addEventListener("DOMContentLoaded", revealPrintButtons);
document.addEventListener("htmx:afterSettle", revealPrintButtons);
