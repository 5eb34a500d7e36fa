// Earnings calculator: documented in overrides/guide/calculator.html. The arithmetic below is
// hooks/lib/earnings.py line for line (tests/fixtures/calculator-cases.json checks both).
(function () {
  "use strict";
  var USD = "USD", UNITS = ["hour", "project", "month"];
  var MAX_AMOUNT = 1e8, MAX_COUNT = 1000, MAX_GROSS = 1e9, MAX_TARGET = 1e11;
  var DIGITS = "০১২৩৪৫৬৭৮৯०१२३४५६७८९";

  function halfUp(n, d) {
    var q = Math.floor(n / d), r = n - q * d;
    if (r < 0) { q -= 1; r += d; } else if (r >= d) { q += 1; r -= d; }
    return q + (2 * r >= d ? 1 : 0);
  }
  function hundredths(x) { return Math.round(x * 100); }
  function percentOf(amount, percent) { return halfUp(amount * percent, 10000); }
  function ascii(text) {
    return String(text).replace(/[০-৯०-९]/g, function (c) { return DIGITS.indexOf(c) % 10; });
  }
  function parseAmount(text) {
    var m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(ascii(text).replace(/[, ]/g, ""));
    return m ? +m[1] * 100 + +((m[2] || "") + "00").slice(0, 2) : null;
  }
  function parseCount(text) {
    text = ascii(text).replace(/ /g, "");
    return /^\d{1,4}$/.test(text) && +text >= 1 && +text <= MAX_COUNT ? +text : null;
  }
  function byId(list, key) {
    var map = {};
    (list || []).forEach(function (item) { map[item[key || "id"]] = item; });
    return map;
  }
  function has(object, key) { return object[key] !== undefined && object[key] !== null; }
  function routesFor(fees, platform, country) {
    return fees.routes.filter(function (r) {
      return r.platforms.indexOf(platform) >= 0 && r.countries.indexOf(country) >= 0;
    });
  }

  function Month(unit, amount, count, gstin, country) {
    this.unit = unit;
    this.payments = unit === "project" ? count : 1;
    this.gross = amount * (unit === "month" ? 1 : count);
    this.payment = Math.floor(this.gross / this.payments);
    this.gstin = gstin;
    this.country = country;
    this.fee = 0;
    this.local = 0;
  }
  function applies(charge, month) {
    if (charge.countries && charge.countries.length && charge.countries.indexOf(month.country) < 0) return false;
    return !(charge.unless === "gstin" && month.gstin);
  }
  function tiered(charge, gross) {
    var total = 0, lower = 0;
    charge.tiers.forEach(function (tier) {
      var top = has(tier, "up_to") ? hundredths(tier.up_to) : gross;
      var part = Math.min(gross, top) - lower;
      if (part > 0) total += part * hundredths(tier.percent);
      lower = Math.max(lower, top);
    });
    return halfUp(total, 10000);
  }
  function amountOf(charge, month) {
    var basis = charge.basis;
    if (has(charge, "tiers")) return [tiered(charge, month.gross), false];
    if (has(charge, "amount")) return [hundredths(charge.amount) * (basis === "payment" ? month.payments : 1), false];
    if (!has(charge, "percent")) return [null, false];
    var percent = hundredths(charge.percent);
    if (basis === "payment") {
      var each = percentOf(month.payment, percent), minimum = charge.minimum, lifted = false;
      if (minimum && minimum.units.indexOf(month.unit) >= 0) {
        var least = hundredths(minimum.amount);
        lifted = least > each;
        each = Math.max(each, least);
      }
      return [each * month.payments, lifted];
    }
    return [percentOf({gross: month.gross, fee: month.fee, converted: month.local}[basis], percent), false];
  }
  function line(kind, id, amount, currency) {
    return {kind: kind, id: id, amount: amount, currency: currency, alternatives: [], minimum: false};
  }
  function chargeLine(charge, month, currency) {
    var counted = amountOf(charge, month);
    var result = line(counted[0] === null ? "unknown" : "charge", charge.id, counted[0], currency);
    result.alternatives = (charge.alternatives || []).map(function (alternative) {
      var other = {basis: charge.basis}, figure = false;
      ["percent", "amount"].forEach(function (key) {
        if (has(alternative, key)) { other[key] = alternative[key]; figure = true; }
      });
      return figure ? amountOf(other, month)[0] : null;
    });
    result.minimum = counted[1];
    return result;
  }

  function compute(model, request) {
    var fees = model.fees;
    var country = fees.countries.filter(function (c) { return c.code === request.country; })[0];
    var platform = byId(fees.platforms)[request.platform];
    var unit = request.unit, amount = request.amount;
    var count = request.count === undefined ? 1 : request.count;
    if (!country) return {error: "country"};
    if (!platform) return {error: "platform"};
    if (UNITS.indexOf(unit) < 0) return {error: "unit"};
    if (!Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) return {error: "amount"};
    if (unit === "month") count = 1;
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) return {error: "count"};
    var routes = routesFor(fees, platform.id, country.id);
    var route = routes.filter(function (r) { return r.id === request.route; })[0];
    if (!route && (routes.length || request.route)) return {error: "route"};
    var rates = byId(model.exchange_rates, "currency"), local = country.currency;
    var charges = byId(fees.charges);
    var month = new Month(unit, amount, count, !!request.gstin, country.id);
    if (month.gross > MAX_GROSS) return {error: "amount"};

    var lines = [line("gross", "gross", month.gross, USD)], balance = month.gross;
    var own = (platform.fee ? [platform.fee] : []).concat(platform.charges || []);
    if (own.some(function (id) { return (charges[id].currency || USD) !== USD; })) return {error: "currency"};
    own.forEach(function (id) {
      var charge = charges[id];
      if (!applies(charge, month)) return;
      var result = chargeLine(charge, month, charge.currency || USD);
      if (id === platform.fee) month.fee = result.amount || 0;
      balance = Math.max(0, balance - (result.amount || 0));
      lines.push(result);
    });
    if (own.length) lines.push(line("subtotal", "platform", balance, USD));

    var converted = [];
    if (!route) lines.push(line("unknown", "route", null, USD));
    (route ? route.charges : []).forEach(function (id) {
      var charge = charges[id];
      if (!applies(charge, month)) return;
      if (charge.basis === "converted") { converted.push(charge); return; }
      var result = chargeLine(charge, month, USD);
      balance = Math.max(0, balance - (result.amount || 0));
      lines.push(result);
    });
    var sent = line("subtotal", "sent", balance, USD), least = route ? route.minimum_withdrawal : undefined;
    sent.minimum = least !== undefined && least !== null && balance < hundredths(least);
    lines.push(sent);

    month.local = halfUp(balance * Math.round(rates[local].per_usd * 10000), 10000);
    lines.push(line("conversion", "conversion", month.local, local));
    var inHand = month.local;
    converted.concat((country.charges || []).map(function (id) { return charges[id]; })).forEach(function (charge) {
      if (!applies(charge, month)) return;
      var result = chargeLine(charge, month, local);
      inHand = Math.max(0, inHand - (result.amount || 0));
      lines.push(result);
    });
    lines.push(line("result", "in-hand", inHand, local));
    return {currency: local, in_hand: inHand, lines: lines};
  }

  function reverse(model, request, target) {
    if (!Number.isInteger(target) || target <= 0 || target > MAX_TARGET) return {error: "target"};
    var count = request.unit === "month" ? 1 : (request.count === undefined ? 1 : request.count);
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) return {error: "count"};
    var low = 1, high = Math.min(MAX_AMOUNT, Math.floor(MAX_GROSS / count));
    function monthFor(amount) {
      var copy = {};
      Object.keys(request).forEach(function (key) { copy[key] = request[key]; });
      copy.amount = amount;
      return compute(model, copy);
    }
    var top = monthFor(high);
    if (top.error) return top;
    if (top.in_hand < target) return {error: "unreachable"};
    while (low < high) {
      var middle = Math.floor((low + high) / 2);
      if (monthFor(middle).in_hand >= target) high = middle; else low = middle + 1;
    }
    var result = monthFor(low);
    result.amount = low;
    return result;
  }

  // Writing numbers: lib/formats.py's rules with its tables (signs, digits) from the page.
  function digitsOf(text, fmt) {
    return fmt.digits ? text.replace(/[0-9]/g, function (d) { return fmt.digits[d]; }) : text;
  }
  function grouped(whole) {
    var text = String(whole);
    if (text.length <= 3) return text;
    return text.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ",") + "," + text.slice(-3);
  }
  function decimal(minor) {
    var cents = minor % 100;
    return Math.floor(minor / 100) + "." + (cents < 10 ? "0" : "") + cents;
  }
  function money(minor, currency, fmt) {
    var sign = has(fmt.signs, currency) ? fmt.signs[currency] : currency + "\u00a0", cents = minor % 100;
    return sign + digitsOf(grouped(Math.floor(minor / 100)) + (cents ? "." + (cents < 10 ? "0" : "") + cents : ""), fmt);
  }
  function percent(value, fmt) { return digitsOf(String(value), fmt) + "%"; }

  // ---- The fee chart: hooks/lib/charts.py (see guide/calculator.html) ----------------------
  function num(v) {
    var f = Math.floor(v * 10), s = Math.abs(v * 4 % 2) === 1 ? ((f % 2 ? f + 1 : f) / 10).toFixed(1) : v.toFixed(1);
    return s.slice(-2) === ".0" ? s.slice(0, -2) : s;
  }
  function width(text, m) {
    var total = 0;
    Array.from(text).forEach(function (c) {
      var ems = m.other;
      m.widths.some(function (w) { return (w[1].indexOf(c) >= 0 || (c >= w[2] && c <= w[3])) && ((ems = w[0]), 1); });
      total += ems;
    });
    return total * m.font;
  }
  function wrap(text, m) {
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      var next = line ? line + " " + word : word;
      if (!word) return;
      if (line && width(next, m) > m.right - m.left) { lines.push(line); line = word; } else line = next;
    });
    if (line) lines.push(line);
    return lines.length ? lines : [""];
  }
  function niceAxis(most) {
    var magnitude = 1, least = most / 4;
    if (most <= 0) return [1, 1];
    while (magnitude * 10 <= least) magnitude *= 10;
    while (magnitude > least) magnitude /= 10;
    for (var i = 0, n, step; i < 5; i++) {
      step = [1, 2, 2.5, 5, 10][i] * magnitude;
      n = Math.ceil(most / step - 1e-9);
      if (n <= 4) return [n * step, step];
    }
  }
  function draw(parent, tag, attributes, content, before) {
    var node = parent.insertBefore(document.createElementNS("http://www.w3.org/2000/svg", tag), before || null);
    Object.keys(attributes).forEach(function (key) { if (attributes[key] != null) node.setAttribute(key, attributes[key]); });
    node.textContent = content || "";
    return node;
  }
  function waterfall(svg, paid, taken, left, tick, m) {
    var axis = niceAxis(paid.amount), top = axis[0], y = 2, running = paid.amount, first;
    function x(value) { return m.left + (m.right - m.left) * Math.min(Math.max(value, 0), top) / top; }
    function row(item, start, end, kind) {
      var g = draw(svg, "g", {"data-record": item.record});
      first = first || g;
      wrap(item.label, m).forEach(function (line) {
        y += m.line;
        draw(g, "text", {"class": "guide-chart__label", x: num(m.left), y: num(y - 4)}, line);
      });
      draw(g, "rect", {"class": "guide-chart__" + kind, x: num(x(start)), y: num(y + 3),
        width: num(Math.max(x(end) - x(start), 1.5)), height: num(m.bar)});
      y += 3 + m.bar + m.gap;
    }
    svg.textContent = "";
    row(paid, 0, paid.amount, "bar");
    taken.forEach(function (item) { row(item, running - item.amount, running, "taken"); running -= item.amount; });
    row(left, 0, left.amount, "bar");
    for (var i = 0, ticks = Math.round(top / axis[1]), at; i <= ticks; i++) {
      at = num(x(i * axis[1]));
      draw(svg, "line", {"class": "guide-chart__grid", x1: at, y1: 0, x2: at, y2: num(y)}, "", first);
      draw(svg, "text", {"class": "guide-chart__axis", x: at, y: num(y + m.small + 3),
        "text-anchor": i ? i < ticks ? "middle" : "end" : null}, tick(i * axis[1]));
    }
    svg.setAttribute("viewBox", "0 0 " + m.width + " " + num(y + m.small + 8));
  }

  window.GuideCalculator = {
    compute: compute, reverse: reverse, parseAmount: parseAmount, parseCount: parseCount,
    money: money, percent: percent, decimal: decimal, num: num, niceAxis: niceAxis, wrap: wrap
  };

  // ---- The page: its records are fetched (overrides/main.html), then the form is ours -------
  var root = document.querySelector("[data-guide-tool=calculator]");
  var script = root && root.querySelector(".guide-tool__data");
  if (!script) return;
  fetch(script.getAttribute("src")).then(function (r) { return r.json(); }).then(start);

  function start(data) {
    var words = data.words, fees = data.fees;
    var form = root.querySelector(".guide-tool__form");
    var field = {};
    form.querySelectorAll("[data-field]").forEach(function (input) { field[input.dataset.field] = input; });
    var modes = form.querySelectorAll("[name=guide-calc-mode]");
    var charges = byId(fees.charges), platforms = byId(fees.platforms);

    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, name) { return has(values, name) ? values[name] : all; });
    }
    function text(localized) { return localized[data.lang]; }
    function el(tag, attributes, children) {
      var node = document.createElement(tag);
      Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
      (children || []).forEach(function (child) {
        if (child !== null && child !== "") node.append(child);
      });
      return node;
    }
    // guide/_macros.html source_list: "golance.com 2026 blog · upwork.com undated"
    function sourceLinks(sources) {
      var nodes = [];
      sources.forEach(function (source, index) {
        if (index) nodes.push(" · ");
        nodes.push(source.url ? el("a", {href: source.url, rel: "noopener"}, [source.site]) : source.site || "");
        nodes.push(" " + (source.year === null ? words.undated : digitsOf(String(source.year), data)));
        if (source.kind === "blog") nodes.push(" ", el("span", {"class": "guide-weak"}, [words.source_weak]));
      });
      return nodes;
    }
    function unconfirmed() { return el("em", {"class": "guide-unconfirmed"}, [words.unconfirmed]); }
    function small(children) { return [el("br"), el("small", {}, children)]; }

    function detail(charge, result, request) {
      if (result.minimum) return fill(words.calc_minimum, {amount: money(hundredths(charge.minimum.amount), USD, data)});
      if (has(charge, "percent")) return percent(charge.percent, data);
      if (!has(charge, "amount")) return "";
      var each = money(hundredths(charge.amount), charge.currency || USD, data);
      if (charge.basis === "withdrawal") return fill(words.calc_per_withdrawal, {amount: each});
      var count = request.unit === "project" ? request.count : 1;
      return fill(words.calc_per_payment, {amount: each, count: digitsOf(grouped(count), data)});
    }

    // The rows of hooks/lib/tool_views.py describe(), as table rows.
    function steps(request, month) {
      var country = fees.countries.filter(function (c) { return c.code === request.country; })[0];
      var platform = platforms[request.platform], rate = data.rates[country.currency];
      var route = fees.routes.filter(function (r) { return r.id === request.route; })[0];
      var body = el("tbody");
      month.lines.forEach(function (result) {
        var step = [], amount = result.amount === null ? "" : money(result.amount, result.currency, data);
        var charge = charges[result.id];
        if (result.kind === "gross") {
          step.push(fill(words["calc_gross_" + request.unit], {
            amount: money(request.amount, USD, data), count: digitsOf(grouped(request.count), data)}));
        } else if (charge) {
          var how = detail(charge, result, request);
          step.push(text(charge.name) + (how ? " (" + how + ")" : ""));
          if (result.amount !== null) amount = "−" + amount;
          if (charge.unconfirmed || (result.minimum && charge.minimum.unconfirmed)) step.push(" ", unconfirmed());
          if (result.minimum && charge.minimum.note) step = step.concat(small([text(charge.minimum.note)]));
          if (charge.note) step = step.concat(small([text(charge.note)]));
          if (charge.since) step = step.concat(small([fill(words.since, {date: data.dates[charge.since]})]));
          (charge.alternatives || []).forEach(function (alternative, index) {
            var cost = result.alternatives[index];
            var other = [words.calc_other_figure + ": " + text(alternative.text) + (cost === null ? "" : ": −" + money(cost, result.currency, data))];
            if (alternative.unconfirmed) other.push(" ", unconfirmed());
            step = step.concat(small(other.concat([" ("], sourceLinks(alternative.sources), [")"])));
          });
          step = step.concat(small([words.sources + ": "].concat(sourceLinks(charge.sources))));
        } else if (result.id === "route") {
          step.push(fill(words.calc_no_route, {platform: text(platform.name), country: text(country.name)}), " ", unconfirmed());
        } else if (result.id === "platform") {
          step.push(fill(words.calc_left, {platform: text(platform.name)}));
        } else if (result.id === "sent") {
          step.push(words.calc_sent);
          if (result.minimum) step = step.concat(small([fill(words.calc_below_minimum, {amount: money(hundredths(route.minimum_withdrawal), USD, data)})]));
        } else if (result.kind === "conversion") {
          step.push(fill(words.calc_converted, {rate: rate.text, date: rate.date}));
          var rated = data.exchange_rates.filter(function (r) { return r.currency === country.currency; })[0];
          step = step.concat(small([words.sources + ": "].concat(sourceLinks(rated.sources))));
        } else if (result.kind === "result") {
          step.push(words.calc_in_hand);
          amount = el("strong", {}, [amount]);
        }
        if (result.kind === "unknown") amount = words.calc_not_counted;
        body.append(el("tr", {"class": "guide-steps__" + result.kind}, [el("td", {"data-label": words.calc_step}, step), el("td", {"data-label": words.calc_amount}, [amount])]));
      });
      return el("table", {"class": "guide-steps"}, [
        el("thead", {}, [el("tr", {}, [el("th", {scope: "col"}, [words.calc_step]), el("th", {scope: "col"}, [words.calc_amount])])]),
        body]);
    }

    // ---- The chart: hooks/lib/calculator_view.py calculator_chart() ------------------------
    var figure = root.querySelector(".guide-chart"), rated = byId(data.exchange_rates, "currency");
    function chart(request, month) {
      if (!figure || (figure.hidden = !month)) return;
      var country = fees.countries.filter(function (c) { return c.code === request.country; })[0];
      var where = {platform: text(platforms[request.platform].name), country: text(country.name)};
      var rate = data.rates[country.currency], lines = month.lines, list = figure.querySelector("ul"), taken = [];
      var notes = [words.chart_payout_legend, fill(words.calc_converted, {rate: rate.text, date: rate.date})];
      function row(label, line, sign) {
        return {label: label + ": " + sign + money(line.amount, line.currency, data),
          amount: line.amount / 100 / (line.currency === USD ? 1 : rated[line.currency].per_usd)};
      }
      lines.forEach(function (line) {
        var charge = charges[line.id], how, item;
        if (line.id === "route") notes.push(fill(words.calc_no_route, where));
        if (!charge) return;
        how = detail(charge, line, request);
        item = text(charge.name) + (how ? " (" + how + ")" : "");
        if (line.kind === "unknown") return notes.push(fill(words.calc_chart_not_counted, {charge: item}));
        item = row(item, line, "−");
        item.record = line.id;
        if (charge.unconfirmed || (line.minimum && charge.minimum.unconfirmed)) item.label += " (" + words.unconfirmed + ")";
        taken.push(item);
      });
      var paid = row(words.chart_payout_paid, lines[0], ""), left = row(words.calc_in_hand, lines[lines.length - 1], "");
      figure.querySelector("figcaption").textContent = fill(words.calc_chart_title, where);
      waterfall(figure.querySelector("svg"), paid, taken, left, function (value) {
        return money(Math.floor(value * 100 + 0.5), USD, data);
      }, data.chart);
      figure.querySelectorAll(".guide-chart__note").forEach(function (note) { note.remove(); });
      notes.forEach(function (note) { figure.insertBefore(el("p", {"class": "guide-chart__note"}, [note]), list.parentNode); });
      list.textContent = "";
      [paid].concat(taken, [left]).forEach(function (item) { list.append(el("li", {}, [item.label])); });
    }

    // ---- State: the form <-> the address (#country=bd&portal=fiverr&unit=project&…) ----------
    function readHash() {
      var state = {};
      location.hash.slice(1).split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) {
          try { state[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1)); } catch (e) { /* a broken link: ignore that part */ }
        }
      });
      return state;
    }
    function show(name, visible) {
      form.querySelectorAll("[data-when=" + name + "]").forEach(function (node) { node.hidden = !visible; });
    }
    function label(input, key) { form.querySelector("label[for=" + input.id + "]").textContent = key; }
    function setState(state) {
      var home = fees.countries.filter(function (c) { return c.code === data.home; })[0];
      var example = fees.examples.filter(function (e) { return e.country === home.id; })[0] || fees.examples[0];
      var start = {country: data.home, portal: example.platform, route: example.route || "", unit: example.unit,
        amount: String(example.amount), count: String(example.count || 1)};
      Object.keys(state).forEach(function (key) { start[key] = state[key]; });
      modes[start.want ? 1 : 0].checked = true;
      choose(field.country, start.country);
      choose(field.unit, start.unit);
      choose(field.platform, start.portal);
      field.amount.value = ascii(start.amount || "");
      field.count.value = ascii(start.count || "");
      field.want.value = ascii(start.want || "");
      field.gstin.checked = start.gstin === "1";
      update(start.route, false);
    }
    function choose(select, value) {  // a value the address names, if the form offers it
      if ([].some.call(select.options, function (o) { return o.value === value; })) select.value = value;
    }
    function routeChoices(chosen) {
      var options = field.route.options, valid = [];
      for (var i = 1; i < options.length; i++) {
        var fits = (" " + options[i].dataset.platforms + " ").indexOf(" " + field.platform.value + " ") >= 0 &&
          (" " + options[i].dataset.countries + " ").indexOf(" " + field.country.value + " ") >= 0;
        options[i].hidden = options[i].disabled = !fits;
        if (fits) valid.push(options[i].value);
      }
      options[0].hidden = options[0].disabled = valid.length > 0;
      field.route.value = valid.indexOf(chosen) >= 0 ? chosen : valid[0] || "";
    }

    function update(route, remember) {
      var reverseMode = modes[1].checked, unit = field.unit.value;
      var country = fees.countries.filter(function (c) { return c.code === field.country.value; })[0];
      routeChoices(route === undefined ? field.route.value : route);
      var gstin = form.querySelector("[data-when=gstin]");
      show("gstin", country.id === "india" && (" " + gstin.dataset.platforms + " ").indexOf(" " + field.platform.value + " ") >= 0);
      show("forward", !reverseMode);
      show("reverse", reverseMode);
      show("count", unit !== "month");
      label(field.amount, words["calc_amount_" + unit]);
      if (unit !== "month") label(field.count, words["calc_count_" + unit]);
      label(field.want, fill(words.calc_want, {currency: data.signs[country.currency].trim()}));

      var request = {country: country.code, platform: field.platform.value, route: field.route.value, unit: unit,
        count: unit === "month" ? 1 : parseCount(field.count.value), gstin: field.gstin.checked && !gstin.hidden};
      var state = {country: request.country, portal: request.platform, route: request.route, unit: unit};
      if (unit !== "month") state.count = field.count.value;
      if (request.gstin) state.gstin = "1";
      var summary = root.querySelector(".guide-tool__summary"), table = root.querySelector(".guide-tool__steps");
      var error = root.querySelector(".guide-tool__error"), month = null, problem = request.count === null;
      summary.textContent = "";
      if (reverseMode) {
        state.want = field.want.value;
        var target = parseAmount(field.want.value);
        month = problem || target === null ? null : reverse({fees: fees, exchange_rates: data.exchange_rates}, request, target);
        if (month && !month.error) {
          request.amount = month.amount;
          var perUnit = unit === "hour" ? words.unit_hour : unit === "project" ? words.calc_per_project : words.unit_month;
          var parts = words.calc_ask.split("{amount}");
          summary.append(parts[0], el("strong", {"data-result": "rate", "data-amount": decimal(month.amount), "data-currency": USD},
            [money(month.amount, USD, data)]), fill(parts[1] || "", {unit: perUnit}), " ");
        }
      } else {
        state.amount = field.amount.value;
        request.amount = parseAmount(field.amount.value);
        month = problem || request.amount === null ? null : compute({fees: fees, exchange_rates: data.exchange_rates}, request);
      }
      var empty = !(reverseMode ? field.want : field.amount).value.trim();  // nothing typed yet: no error
      error.textContent = empty ? "" : month === null ? words.calc_invalid :
        month.error === "unreachable" ? words.calc_unreachable : month.error ? words.calc_invalid : "";
      table.textContent = "";
      if (month && !month.error) {
        summary.append(words.calc_result + " ", el("strong", {"data-result": "in-hand", "data-amount": decimal(month.in_hand),
          "data-currency": month.currency}, [money(month.in_hand, month.currency, data)]));
        request.count = request.count || 1;
        table.append(steps(request, month));
      }
      chart(request, month && !month.error ? month : null);
      var hash = "#" + Object.keys(state).map(function (key) {
        return key + "=" + encodeURIComponent(ascii(state[key]));
      }).join("&");
      root.querySelector(".guide-tool__share").href = hash;
      if (remember) history.replaceState(null, "", hash);
    }

    form.hidden = false;
    form.addEventListener("input", function () { update(undefined, true); });
    form.addEventListener("change", function () { update(undefined, true); });
    // A shared result (#country=…) opens as shared; a heading's anchor (#how-it-counts) is not
    // one, and otherwise the form stays as the reader has already set it.
    function shared() { return /=/.test(location.hash); }
    window.addEventListener("hashchange", function () { if (shared()) setState(readHash()); });
    if (shared()) setState(readHash()); else update(undefined, true);
    root.dataset.ready = "1";
  }
})();
