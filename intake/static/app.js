// Enhancements only: every page works without this file.
(function () {
  "use strict";
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("select[data-filter]").forEach(function (select) {
    var box = document.getElementById(select.getAttribute("data-filter"));
    if (!box) return;
    box.hidden = false;
    var options = Array.prototype.slice.call(select.options).map(function (o) {
      return { el: o, key: fold(o.text) };
    });
    box.addEventListener("input", function () {
      var q = fold(box.value.trim());
      var first = null;
      options.forEach(function (o) {
        var show = !q || o.el.value === "" || o.key.indexOf(q) !== -1;
        o.el.hidden = !show;
        o.el.disabled = !show;
        if (show && o.el.value && !first) first = o.el;
      });
      if (q && first && (select.selectedOptions[0] || {}).hidden !== false) select.value = first.value;
      if (q && first && select.value === "") select.value = first.value;
    });
  });
})();
