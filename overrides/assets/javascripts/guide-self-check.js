// Skills self-check: documented in overrides/guide/self-check.html. Nothing leaves the browser.
(function () {
  "use strict";
  var root = document.querySelector("[data-guide-tool=self-check]");
  var script = root && root.querySelector(".guide-tool__data");
  if (!script) return;
  fetch(script.getAttribute("src")).then(function (r) { return r.json(); }).then(start);

  function start(data) {
    var words = data.words;
    var checklist = data.skills.checklist, list = root.querySelector(".guide-check__categories");
    var boxes = [].slice.call(root.querySelectorAll(".guide-check__list input[type=checkbox]"));

    function digits(number) {
      var text = String(number);
      return data.digits ? text.replace(/[0-9]/g, function (d) { return data.digits[d]; }) : text;
    }
    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
    }
    // The boxes that stand for a category's skills (lib/data: Skills.checklist_for).
    function needed(category) {
      var found = [];
      category.skills.forEach(function (skill) {
        checklist.forEach(function (item) {
          if (item.skills.indexOf(skill.en) >= 0 && found.indexOf(item.id) < 0) found.push(item.id);
        });
      });
      return found;
    }
    var categories = data.skills.categories.map(function (category, index) {
      return {
        index: index,
        name: category.name[data.lang],
        needs: needed(category),
        node: list.querySelector('[data-category="' + category.id + '"]')
      };
    });

    function update(remember) {
      var have = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      categories.forEach(function (category) {
        category.have = category.needs.filter(function (id) { return have.indexOf(id) >= 0; }).length;
        category.score = fill(words.check_score, {have: digits(category.have), total: digits(category.needs.length)});
        category.node.querySelector(".guide-check__score").textContent = have.length ? "(" + category.score + ")" : "";
        category.node.dataset.fit = category.have ? "some" : "none";
        category.node.querySelectorAll("[data-skill]").forEach(function (skill) {
          var owned = have.indexOf(skill.dataset.skill) >= 0;
          skill.querySelector(".guide-check__state").textContent = have.length ? "(" + (owned ? words.check_have_it : words.check_missing) + ")" : "";
        });
      });
      var ranked = categories.slice().sort(function (a, b) {
        return b.have / b.needs.length - a.have / a.needs.length ||
          (a.needs.length - a.have) - (b.needs.length - b.have) || a.index - b.index;
      });
      ranked.forEach(function (category) { list.appendChild(category.node); });
      var summary = root.querySelector(".guide-tool__summary");
      summary.hidden = false;
      summary.textContent = have.length ? fill(words.check_best, {category: ranked[0].name, score: ranked[0].score}) : words.check_none;
      var hash = have.length ? "#have=" + have.join(",") : "";
      root.querySelector(".guide-tool__share").href = hash || "#";
      if (remember) history.replaceState(null, "", hash || location.pathname + location.search);
    }
    function read() {
      var match = /(?:^#|&)have=([^&]*)/.exec(location.hash), have = match ? match[1].split(",") : [];
      boxes.forEach(function (box) { box.checked = have.indexOf(box.value) >= 0; });
      update(false);
    }

    root.querySelector(".guide-tool__form").hidden = false;
    root.addEventListener("change", function () { update(true); });
    // Shared ticks (#have=…) open as shared, not a heading's anchor; otherwise the boxes stay
    // as the reader has already ticked them.
    function shared() { return /(?:^#|&)have=/.test(location.hash); }
    window.addEventListener("hashchange", function () { if (shared()) read(); });
    if (shared()) read(); else update(true);
    root.dataset.ready = "1";
  }
})();
