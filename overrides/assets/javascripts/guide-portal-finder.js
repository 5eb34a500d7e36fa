// Portal finder: documented in overrides/guide/portal-finder.html.
(function () {
  "use strict";
  var root = document.querySelector("[data-guide-tool=portal-finder]");
  var script = root && root.querySelector(".guide-tool__data");
  if (!script) return;
  fetch(script.getAttribute("src")).then(function (r) { return r.json(); }).then(start);

  function start(data) {
    var words = data.words, fees = data.fees;
    var form = root.querySelector(".guide-tool__form"), field = {};
    form.querySelectorAll("[data-field]").forEach(function (input) { field[input.dataset.field] = input; });
    var charges = {}, platformOf = {};
    fees.charges.forEach(function (charge) { charges[charge.id] = charge; });
    fees.platforms.forEach(function (platform) { if (platform.portal) platformOf[platform.portal] = platform; });

    function digits(number) {
      var text = String(number);
      return data.digits ? text.replace(/[0-9]/g, function (d) { return data.digits[d]; }) : text;
    }
    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
    }

    // What each card offers, from the records: portals.yml, and fees.yml for routes and fees.
    function facets(portal) {
      var platform = platformOf[portal.id], fee = platform && platform.fee && charges[platform.fee];
      var routes = platform ? fees.routes.filter(function (r) { return r.platforms.indexOf(platform.id) >= 0; }) : [];
      var countries = {};
      fees.countries.forEach(function (country) {
        var kinds = routes.filter(function (r) { return r.countries.indexOf(country.id) >= 0; })
          .map(function (r) { return r.kind; });
        if (kinds.length || (portal.payments[country.id] && portal.payments[country.id] !== "unconfirmed")) {
          countries[country.code] = kinds;
        }
      });
      return {
        kind: portal.kind,
        fee: portal.free_to_apply ? "free" : !fee ? "unconfirmed" : fee.tiers ? "tiered" : fee.percent !== undefined ? "percent" : "unconfirmed",
        beginners: portal.beginners === "unconfirmed" ? "unconfirmed" : portal.beginners.suits ? "yes" : "no",
        countries: countries
      };
    }
    function matches(card, state) {
      if (state.kind && card.kind !== state.kind) return false;
      if (state.fee && card.fee !== state.fee) return false;
      if (state.beginners && card.beginners === "no") return false;
      if (state.country && !card.countries[state.country]) return false;
      if (state.route) {
        var kinds = [];
        Object.keys(card.countries).forEach(function (code) {
          if (!state.country || code === state.country) kinds = kinds.concat(card.countries[code]);
        });
        if (kinds.indexOf(state.route) < 0) return false;
      }
      return true;
    }

    var cards = [];
    data.portals.portals.forEach(function (portal) {
      var node = root.querySelector('[data-record="' + portal.id + '"]');
      if (node) cards.push({node: node, facets: facets(portal)});
    });

    function update(remember) {
      var state = {};
      ["country", "route", "fee", "kind"].forEach(function (key) { if (field[key].value) state[key] = field[key].value; });
      if (field.beginners.checked) state.beginners = "1";
      var shown = 0;
      cards.forEach(function (card) {
        card.node.hidden = !matches(card.facets, state);
        if (!card.node.hidden) shown += 1;
      });
      var count = fill(words.finder_count, {count: digits(shown), total: digits(cards.length)});
      root.querySelector(".guide-tool__summary").textContent = shown ? count : words.finder_none + " " + count;
      root.querySelector(".guide-tool__note").hidden = !state.country;
      var hash = "#" + Object.keys(state).map(function (key) { return key + "=" + encodeURIComponent(state[key]); }).join("&");
      root.querySelector(".guide-tool__share").href = hash;
      if (remember) history.replaceState(null, "", hash.length > 1 ? hash : location.pathname + location.search);
    }
    function read() {
      var state = {};
      location.hash.slice(1).split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) {
          try { state[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)); } catch (e) { /* ignore */ }
        }
      });
      ["country", "route", "fee", "kind"].forEach(function (key) {
        var known = [].some.call(field[key].options, function (o) { return o.value === state[key]; });
        field[key].value = known ? state[key] : "";
      });
      field.beginners.checked = state.beginners === "1";
      update(false);
    }

    form.hidden = false;
    form.addEventListener("change", function () { update(true); });
    root.querySelector(".guide-tool__reset").addEventListener("click", function () {
      Object.keys(field).forEach(function (key) {
        if (field[key].type === "checkbox") field[key].checked = false; else field[key].value = "";
      });
      update(true);
    });
    // A shared selection (#country=…) opens as shared, not a heading's anchor; otherwise the
    // filters stay as the reader has already set them.
    function shared() { return /=/.test(location.hash); }
    window.addEventListener("hashchange", function () { if (shared()) read(); });
    if (shared()) read(); else update(true);
    root.dataset.ready = "1";
  }
})();
