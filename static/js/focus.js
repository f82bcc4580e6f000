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
