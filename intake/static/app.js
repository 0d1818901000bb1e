// Enhancements only: every page works without this file.
(function () {
  "use strict";
  var each = function (selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); };

  // The searchable form of a text, as core.search.fold: lower case, no diacritics, single spaces.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đð]/g, "d").replace(/[ĐÐ]/g, "D")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  each("[data-print]", function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  // ---- the commune picker: the matching of intake/communes.py (search), over intake/static/communes.json ----
  var ABBREVIATIONS = { tp: "thanh pho", tx: "thi xa", tt: "thi tran", p: "phuong", x: "xa", h: "huyen" };
  var DIVISIONS = ["thi tran", "thi xa", "thanh pho", "xa", "phuong", "huyen"];
  var OWN_EXACT = 0, OLD_EXACT = 2, DISTRICT = 4;

  function queryKey(query) {
    var words = fold(query).replace(/[^a-z0-9]+/g, " ").split(" ").filter(Boolean);
    if (words.length > 1 && Object.prototype.hasOwnProperty.call(ABBREVIATIONS, words[0])) {
      words[0] = ABBREVIATIONS[words[0]];
    }
    return words.join(" ");
  }

  function shortName(folded) {
    for (var i = 0; i < DIVISIONS.length; i++) {
      if (folded.indexOf(DIVISIONS[i] + " ") === 0) return folded.slice(DIVISIONS[i].length + 1);
    }
    return folded;
  }

  function matches(folded, key) {
    if (folded === key || shortName(folded) === key) return 0;
    return (" " + folded).indexOf(" " + key) !== -1 ? 1 : null;
  }

  function prepare(data) {
    var f = function (row) { return fold(row[0]); };
    return {
      communes: data.communes,
      communeKeys: data.communes.map(function (c) { return fold(c[1]); }),
      old: data.old, oldKeys: data.old.map(f),
      districts: data.districts, districtKeys: data.districts.map(f)
    };
  }

  // The communes a query finds, best first: [{code, name, label}].
  function search(index, query) {
    var key = queryKey(query);
    if (!key) return [];
    var found = {};
    function note(i, rank, why) {
      var hit = found[i] || { rank: rank, whys: [] };
      if (rank < hit.rank) { hit.rank = rank; hit.whys = []; }
      if (rank === hit.rank && why && hit.whys.indexOf(why) === -1) hit.whys.push(why);
      found[i] = hit;
    }
    index.communeKeys.forEach(function (k, i) {
      var m = matches(k, key);
      if (m !== null) note(i, OWN_EXACT + m, null);
    });
    index.oldKeys.forEach(function (k, j) {
      var m = matches(k, key), old = index.old[j];
      if (m === null) return;
      old[2].forEach(function (i) {
        note(i, OLD_EXACT + m, "trước đây: " + old[0] + ", " + index.districts[old[1]][0]);
      });
    });
    index.districtKeys.forEach(function (k, j) {
      if (matches(k, key) === null) return;
      var district = index.districts[j];
      district[1].forEach(function (i) { note(i, DISTRICT, "trước đây thuộc " + district[0]); });
    });
    return Object.keys(found).map(Number).sort(function (a, b) {
      return found[a].rank - found[b].rank || a - b;
    }).map(function (i) {
      var c = index.communes[i], whys = found[i].whys;
      return { code: c[0], name: c[1], label: whys.length ? c[1] + " (" + whys.join("; ") + ")" : c[1] };
    });
  }

  // An ARIA 1.2 combobox over the form's <select name="ward">, which stays the one value sent: the select only
  // ever holds a commune the citizen chose (an option picked here, or in the select itself), and typing in the
  // box again empties it.
  function communePicker(root, index) {
    var select = root.querySelector("select");
    var box = root.querySelector("[role=combobox]");
    var list = document.getElementById(box.getAttribute("aria-controls"));
    var status = root.querySelector("[role=status]");
    var chosen = root.querySelector(".chosen");
    var chosenName = chosen.querySelector("strong");
    var results = [], active = -1;

    function say(text) { status.textContent = text; }
    function close() {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function setActive(i) {
      var previous = list.children[active], option = list.children[i];
      if (previous) previous.setAttribute("aria-selected", "false");
      active = i;
      option.setAttribute("aria-selected", "true");
      box.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
    function showChoice() {
      var option = select.options[select.selectedIndex];
      chosen.hidden = !select.value;
      chosenName.textContent = select.value ? option.text : "";
    }
    function choose(i) {
      var r = results[i];
      select.value = r.code;
      box.value = r.name;
      close();
      showChoice();
      say("Đã chọn " + r.name + ".");
    }
    var noun = root.getAttribute("data-noun");  // a picker over its select's own options names what it picks
    function filter() {
      var query = box.value.trim();
      results = search(index, query);
      list.textContent = "";
      if (!query) { close(); say(""); return; }
      if (!results.length) {
        close();
        say(noun
          ? "Không tìm thấy " + noun + " nào khớp với “" + query + "”. Xin thử tên khác, hoặc chọn trong danh sách bên dưới."
          : "Không tìm thấy xã/phường nào khớp với “" + query + "”. Xin thử tên khác (tên hiện nay hoặc tên trước " +
            "năm 2025), hoặc chọn trong danh sách bên dưới.");
        return;
      }
      results.forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = box.id + "-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-code", r.code);
        li.textContent = r.label;
        list.appendChild(li);
      });
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
      active = -1;
      setActive(0);
      say(results.length + " " + (noun || "xã, phường") + " khớp. Chọn bằng phím mũi tên và Enter, hoặc chạm vào tên.");
    }

    box.addEventListener("input", function () {
      if (select.value) { select.value = ""; showChoice(); }  // typing again: the earlier choice is no longer sent
      filter();
    });
    box.addEventListener("keydown", function (e) {
      var open = !list.hidden, n = results.length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (!open) { if (!select.value) filter(); return; }
        setActive((active + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
      } else if (e.key === "Enter") {
        e.preventDefault();  // Enter chooses; it never sends the form
        if (open && active >= 0) choose(active);
      } else if (e.key === "Escape" && open) {
        e.preventDefault();
        close();
      }
    });
    box.addEventListener("blur", close);
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep the focus in the box
    list.addEventListener("click", function (e) {
      var option = e.target.closest("[role=option]");
      if (option) choose(Array.prototype.indexOf.call(list.children, option));
    });
    chosen.querySelector("button").addEventListener("click", function () {
      select.value = "";
      box.value = "";
      showChoice();
      say("Đã bỏ chọn " + (noun || "xã/phường") + ".");
      box.focus();
    });
    select.addEventListener("change", function () {
      box.value = select.value ? select.options[select.selectedIndex].text : "";
      close();
      showChoice();
    });

    root.querySelector("label").htmlFor = box.id;  // the field's label names the search box, the select gets its own
    root.querySelector("label[data-for]").htmlFor = select.id;
    if (select.value) box.value = select.options[select.selectedIndex].text;
    showChoice();
    root.querySelector(".picker").hidden = false;
    each('a[href="#' + select.id + '"]', function (a) { a.setAttribute("href", "#" + box.id); });
  }

  each("[data-communes]", function (root) {
    fetch(root.getAttribute("data-communes"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error(r.status)); })
      .then(function (data) { communePicker(root, prepare(data)); })
      .catch(function () { /* the plain list stays */ });
  });

  // ---- a table filtered by the names in its rows' headers, ignoring diacritics (the dashboard's list of wards) ----
  each("[data-filter-table]", function (root) {
    var box = root.querySelector("input[type=search]");
    var status = root.querySelector("[role=status]");
    var rows = Array.prototype.filter.call(
      document.getElementById(root.getAttribute("data-filter-table")).tBodies[0].rows,
      function (row) { return row.querySelector("th"); }
    );
    var keys = rows.map(function (row) { return fold(row.querySelector("th").textContent); });
    box.addEventListener("input", function () {
      var key = fold(box.value), shown = 0;
      rows.forEach(function (row, i) {
        row.hidden = key !== "" && keys[i].indexOf(key) === -1;
        if (!row.hidden) shown += 1;
      });
      status.textContent = key ? shown + " trong " + rows.length + " dòng khớp với “" + box.value.trim() + "”." : "";
    });
  });

  // The same picker over a select's own options (the dashboard's units): names only, no former names.
  each("[data-picker]", function (root) {
    var options = Array.prototype.filter.call(root.querySelector("select").options, function (o) { return o.value; });
    communePicker(root, prepare({
      communes: options.map(function (o) { return [o.value, o.text]; }), old: [], districts: []
    }));
  });

  // ---- the report form: Enter in a one-line field goes to the next field; only the send button sends ----
  var MOVES_ON = /^(text|email|tel|search|date|number|url|password)$/;
  each("form[data-enter-moves-on]", function (form) {
    form.addEventListener("keydown", function (e) {
      var t = e.target;
      if (e.key !== "Enter" || t.tagName !== "INPUT" || /^(submit|button|image|reset)$/.test(t.type)) return;
      e.preventDefault();
      if (!MOVES_ON.test(t.type) || t.getAttribute("role") === "combobox") return;
      var fields = Array.prototype.filter.call(form.elements, function (el) {
        return !el.disabled && el.tabIndex >= 0 && el.type !== "hidden" && el.tagName !== "FIELDSET" &&
          el.getClientRects().length > 0;
      });
      var next = fields[fields.indexOf(t) + 1];
      if (next) next.focus();
    });
  });

  each("[data-count]", function (out) {
    var field = document.getElementById(out.getAttribute("data-count"));
    var min = Number(out.getAttribute("data-min"));
    function update() {
      var n = Array.from(field.value.trim()).length;
      out.textContent = n < min
        ? "Đã viết " + n + " ký tự, cần thêm ít nhất " + (min - n) + " ký tự nữa."
        : "Đã viết " + n.toLocaleString("vi-VN") + " ký tự.";
    }
    field.addEventListener("input", update);
    update();
    out.hidden = false;
  });

  // ---- after a failed sending: the box of errors takes the focus; each of its links focuses its field ----
  each("#error-summary", function (summary) {
    summary.addEventListener("click", function (e) {
      var a = e.target.closest("a[href^='#']");
      var target = a && document.getElementById(a.getAttribute("href").slice(1));
      if (!target) return;
      e.preventDefault();
      target.focus();
      (target.closest(".field, fieldset") || target).scrollIntoView({ block: "start" });
    });
    if (document.activeElement !== summary) summary.focus();
  });
})();
