/* 销售作战手册 — print a checklist or form blank or filled from the current deal.
 * Blank printing only hides values with CSS: nothing stored is changed. */
(function () {
  "use strict";
  var PB = window.PB;

  function fillHeaders() {
    var deal = PB.store.current();
    var values = { customer: deal ? deal.customer : "", name: deal ? deal.name : "", owner: deal ? deal.owner : "", date: PB.today() };
    document.querySelectorAll(".pb-print-header [data-deal]").forEach(function (node) {
      node.textContent = values[node.dataset.deal] || "";
    });
  }

  PB.print = function (blank) {
    PB.printingBlank = blank;
    document.body.classList.toggle("pb-print-blank", blank);
    if (PB.syncForms) PB.syncForms(); // blank tables show their printed number of rows
    fillHeaders();
    window.print();
  };

  window.addEventListener("afterprint", function () {
    if (!PB.printingBlank) return;
    PB.printingBlank = false;
    document.body.classList.remove("pb-print-blank");
    if (PB.syncForms) PB.syncForms();
  });

  PB.onPage(function () {
    fillHeaders();
    document.querySelectorAll("[data-print]:not([data-bound])").forEach(function (button) {
      button.dataset.bound = "1";
      button.addEventListener("click", function () { PB.print(button.dataset.print === "blank"); });
    });
  });
  PB.onChangeHooks.push(fillHeaders);
})();
