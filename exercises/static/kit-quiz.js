/* Reading the DeepSeek Headlines: the self-check quizzes of the static book.
 *
 * Every exercise on a page is a <section class="kit-exercise" data-exercise="{...}"> written by
 * exercises/static_html.py. This script reads the learner's answer, checks it with the same rules as
 * the Python checkers in exercises/model.py and exercises/number_input.py (a test in Chromium compares
 * both on the same inputs), and shows the feedback. It loads nothing and sends nothing anywhere.
 * Learner input is only ever shown through textContent, never as HTML.
 *
 * Every checker first limits the size of what it reads (spec.limits, the same numbers as the Python
 * checkers: exercises/model.py LIMITS and REFLECTION_LIMIT), before trimming, lower-casing or any regular
 * expression, so no answer can keep the page busy: a typed number or day at most limits.input characters
 * (then limits.number once trimmed), a reflection at most spec.limit, an option key at most limits.key,
 * a list of ticked options or a set of matched rows at most limits.items entries. Characters are counted
 * as Python counts them (code points), without ever walking more than twice the limit.
 */
(function () {
  "use strict";

  var SPACE = "[ \\t\\n\\r\\f\\v\\u00a0]";
  var SPACE_CHARACTERS = " \t\n\r\f\v\u00a0";
  var SPACES = new RegExp(SPACE + "+", "g");
  var APPROX = new RegExp("^(?:\\u2248|~|about|approximately|approx\\.?|around|roughly|circa)" + SPACE + "*", "i");
  var CURRENCY = new RegExp("^(?:US" + SPACE + "?\\$|USD|\\$)" + SPACE + "*", "i");
  var NUMERAL = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d+,\d+|\d*\.\d+|\d+)/;
  var SCALE = new RegExp("^" + SPACE + "*(thousand|million|billion|trillion|mn|bn|tn|k|m|b|t)(?![A-Za-z])", "i");
  /* Mirrors exercises/model.py _MARKUP, with its white space spelt out (\s differs between the languages). */
  var MARKUP = /<[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*[a-zA-Z!\/?]|&#?[a-zA-Z0-9]+;/;
  var SCALE_FACTORS = {1: "1,000", 2: "1,000,000", 3: "1,000,000,000"};

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* Trims SPACE_CHARACTERS from both ends in one pass (as Python's str.strip). */
  function strip(text) {
    var start = 0, end = text.length;
    while (start < end && SPACE_CHARACTERS.indexOf(text.charAt(start)) >= 0) { start += 1; }
    while (end > start && SPACE_CHARACTERS.indexOf(text.charAt(end - 1)) >= 0) { end -= 1; }
    return text.slice(start, end);
  }

  function asciiLower(text) {
    return text.replace(/[A-Z]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + 32); });
  }

  /* True when text has more than limit code points (Python's len), looking at no more than 2 × limit units. */
  function longerThan(text, limit) {
    if (text.length <= limit) { return false; }
    if (text.length > 2 * limit) { return true; }
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { i += 1; }
      }
      count += 1;
      if (count > limit) { return true; }
    }
    return false;
  }

  function numeralValue(numeral) {
    numeral = numeral.replace(/[ \u00a0\u202f]/g, "");
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(numeral)) { return Number(numeral.replace(/,/g, "")); }
    if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(numeral)) {
      return Number(numeral.replace(/\./g, "").replace(/,/g, "."));
    }
    return Number(numeral.replace(/,/g, "."));
  }

  /* Mirrors exercises/number_input.py: parse_number_answer. Returns [value, null] or [null, message]. */
  function parseNumberAnswer(text, unitWords, messages, scales, fieldScale, limits) {
    if (fieldScale === undefined) { fieldScale = 1; }
    if (typeof text !== "string") { return [null, messages.not_text]; }
    if (longerThan(text, limits.input)) { return [null, messages.too_long]; }
    var rest = strip(text);
    if (!rest) { return [null, messages.empty]; }
    if (longerThan(rest, limits.number)) { return [null, messages.too_long]; }
    rest = rest.replace(APPROX, "").replace(CURRENCY, "");
    var match = NUMERAL.exec(rest);
    if (!match) { return [null, messages.no_number]; }
    var sign = match[1];
    var value = numeralValue(match[2]);
    rest = rest.slice(match[0].length);
    var scale = SCALE.exec(rest);
    if (scale) {
      value = value * scales[scale[1].toLowerCase()] / fieldScale;
      rest = rest.slice(scale[0].length);
    }
    var words = asciiLower(strip(rest).replace(SPACES, " "));
    if (words && unitWords.indexOf(words) < 0) {
      if (unitWords.length) { return [null, fmt(messages.unknown_word, {units: unitWords.join(", ")})]; }
      return [null, messages.no_unit_words];
    }
    if (!isFinite(value)) { return [null, messages.not_finite]; }
    return [sign === "-" ? -value : value, null];
  }

  var WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  var DAY_FILLERS = ["st", "nd", "rd", "th", "of", "the", "on", "day"];

  function monthWord(word, months) {
    if (word.length < 3) { return null; }
    for (var i = 0; i < months.length; i++) { if (months[i].indexOf(word) === 0) { return i + 1; } }
    return null;
  }

  function isWeekday(word) {
    return word.length >= 3 && WEEKDAYS.some(function (name) { return name.indexOf(word) === 0; });
  }

  function daysInMonth(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }

  /* Mirrors exercises/number_input.py: parse_day_answer. Returns [day, null] or [null, message]. */
  function parseDayAnswer(text, year, month, messages, months, limits) {
    var name = months[month - 1].charAt(0).toUpperCase() + months[month - 1].slice(1);
    if (typeof text !== "string") { return [null, messages.not_text]; }
    if (longerThan(text, limits.input)) { return [null, messages.too_long]; }
    var rest = asciiLower(strip(text));
    if (!rest) { return [null, messages.empty]; }
    if (longerThan(rest, limits.number)) { return [null, messages.too_long]; }
    var noDay = [null, fmt(messages.no_day, {month: name})];
    var otherMonth = [null, fmt(messages.other_month, {month: name})];
    if (rest.charAt(0) === "+" || rest.charAt(0) === "-") { return noDay; }
    var digitRuns = rest.match(/\d+/g) || [];
    if (digitRuns.some(function (n) { return n.length > 4; })) { return noDay; }
    var numbers = digitRuns.map(Number);
    var monthsNamed = [], words = rest.match(/[a-z]+/g) || [];
    for (var i = 0; i < words.length; i++) {
      if (DAY_FILLERS.indexOf(words[i]) >= 0) { continue; }
      var found = monthWord(words[i], months);
      if (found !== null) { monthsNamed.push(found); } else if (!isWeekday(words[i])) { return noDay; }
    }
    if (/[^a-z0-9 ,.\/\-\u00a0\t]/.test(rest)) { return noDay; }
    numbers = numbers.filter(function (n) { return n !== year; });
    if (numbers.length === 2 && !monthsNamed.length) {
      var pairs = [[numbers[0], numbers[1]], [numbers[1], numbers[0]]].filter(function (p) {
        return p[1] >= 1 && p[1] <= 12 && p[0] >= 1 && p[0] <= 31;
      });
      if (!pairs.length) { return noDay; }
      var inMonth = pairs.filter(function (p) { return p[1] === month; });
      if (!inMonth.length) { return otherMonth; }
      numbers = [inMonth[0][0]];
    }
    if (numbers.length !== 1) { return noDay; }
    if (monthsNamed.some(function (m) { return m !== month; })) { return otherMonth; }
    var day = numbers[0], days = daysInMonth(year, month);
    if (day < 1 || day > days) { return [null, fmt(messages.not_a_day, {month: name, days: days})]; }
    return [day, null];
  }

  function parseForSpec(spec, answer) {
    if (spec.month) {
      var parts = spec.month.split("-");
      return parseDayAnswer(answer, Number(parts[0]), Number(parts[1]), spec.messages, spec.months, spec.limits);
    }
    return parseNumberAnswer(answer, spec.unit_words, spec.messages, spec.scales, spec.scale, spec.limits);
  }

  function feedback(verdict, message, details) {
    return {verdict: verdict, message: message, details: details || []};
  }

  function findOption(options, key) {
    for (var i = 0; i < options.length; i++) { if (options[i].key === key) { return options[i]; } }
    return null;
  }

  function isString(value) { return typeof value === "string"; }

  function isWordCharacter(c) { return (c >= "a" && c <= "z") || (c >= "0" && c <= "9"); }

  /* Mirrors exercises/model.py: words_present. */
  function wordsPresent(text, forms) {
    var folded = asciiLower(text).replace(/[\u2018\u2019]/g, "'");
    var claimed = [];
    forms.forEach(function (form) {
      var start = form ? folded.indexOf(form) : -1;
      while (start >= 0) {
        var end = start + form.length;
        var bounded = (start === 0 || !isWordCharacter(folded[start - 1])) &&
          (end === folded.length || !isWordCharacter(folded[end]));
        var free = claimed.every(function (c) { return !(start < c[1] && c[0] < end); });
        if (bounded && free) { claimed.push([start, end, form]); }
        start = folded.indexOf(form, start + 1);
      }
    });
    claimed.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    var seen = [];
    claimed.forEach(function (c) { if (seen.indexOf(c[2]) < 0) { seen.push(c[2]); } });
    return seen;
  }

  /* Mirrors exercises/model.py: looks_like_rewrite (the original's keys come in the spec). */
  function looksLikeRewrite(text, spec) {
    var words = asciiLower(text).replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9]+/g) || [];
    var keys = {}, shared = 0;
    spec.keys.forEach(function (key) { keys[key] = true; });
    var seen = {};
    words.forEach(function (w) {
      if (w.length < 3 || spec.function_words.indexOf(w) >= 0) { return; }
      var key = w.slice(0, spec.key_length);
      if (keys[key] && !seen[key]) { seen[key] = true; shared += 1; }
    });
    return words.length >= 3 && shared >= Math.min(2, spec.keys.length);
  }

  var checkers = {
    single: function (spec, answer) {
      var m = spec.messages;
      if (typeof answer !== "string" || answer === "") { return feedback("invalid", m.choose_one); }
      if (longerThan(answer, spec.limits.key)) { return feedback("invalid", m.unknown_option); }
      var option = findOption(spec.options, answer);
      if (!option) { return feedback("invalid", m.unknown_option); }
      var verdict = answer === spec.correct || spec.also.indexOf(answer) >= 0 ? "correct" : "incorrect";
      return feedback(verdict, m[verdict], option.feedback ? [option.feedback] : []);
    },

    multiple: function (spec, answer) {
      var m = spec.messages;
      if (!Array.isArray(answer)) { return feedback("invalid", m.choose_some); }
      if (answer.length > spec.limits.items) { return feedback("invalid", m.too_many); }
      if (!answer.every(isString) || answer.length === 0) { return feedback("invalid", m.choose_some); }
      if (answer.some(function (key) { return longerThan(key, spec.limits.key); })) {
        return feedback("invalid", m.unknown_option);
      }
      var chosen = {};
      answer.forEach(function (key) { chosen[key] = true; });
      if (answer.some(function (key) { return !findOption(spec.options, key); })) {
        return feedback("invalid", m.unknown_option);
      }
      var correct = {}, either = {};
      spec.correct.forEach(function (key) { correct[key] = true; });
      spec.either.forEach(function (key) { either[key] = true; });
      var details = [], right = 0, same = true;
      var notes = spec.options.filter(function (option) { return either[option.key]; }).map(function (option) {
        return fmt(m.either_way, {label: option.label, feedback: option.feedback}).trim();
      });
      spec.options.forEach(function (option) {
        var should = !!correct[option.key], did = !!chosen[option.key];
        if (should === did || either[option.key]) { right += 1; return; }
        same = false;
        var template = should ? m.missed : m.wrongly_chosen;
        details.push(fmt(template, {label: option.label, feedback: option.feedback}).trim());
      });
      if (same) { return feedback("correct", m.correct, notes); }
      return feedback("incorrect", fmt(m.some_right, {right: right, total: spec.options.length}), details);
    },

    number: function (spec, answer) {
      var m = spec.messages;
      var parsed = parseForSpec(spec, answer);
      if (parsed[1] !== null) { return feedback("invalid", parsed[1]); }
      var value = parsed[0];
      if (value < 0) { return feedback("invalid", m.negative); }
      if (Math.abs(value - spec.answer) <= spec.tolerance) {
        return feedback("correct", m.correct, spec.correct_feedback ? [spec.correct_feedback] : []);
      }
      if (spec.scale !== 1 && Math.abs(value / spec.scale - spec.answer) <= spec.tolerance) {
        return feedback("correct", m.correct, [fmt(m.full_amount, {unit: spec.unit_words[0] || ""})]
          .concat(spec.correct_feedback ? [spec.correct_feedback] : []));
      }
      for (var i = 0; i < spec.traps.length; i++) {
        var trap = spec.traps[i];
        if (Math.abs(value - trap.value) <= trap.tolerance) { return feedback("incorrect", m.incorrect, [trap.feedback]); }
      }
      for (var power = 1; power <= 3; power++) {
        var factor = Math.pow(1000, power);
        if (Math.abs(value - spec.answer * factor) <= spec.tolerance * factor) {
          return feedback("incorrect", fmt(m.scale_high, {factor: SCALE_FACTORS[power]}));
        }
        if (Math.abs(value - spec.answer / factor) <= spec.tolerance / factor) {
          return feedback("incorrect", fmt(m.scale_low, {factor: SCALE_FACTORS[power]}));
        }
      }
      return feedback("incorrect", value > spec.answer ? m.too_high : m.too_low);
    },

    matching: function (spec, answer) {
      var m = spec.messages;
      if (answer === null || typeof answer !== "object" || Array.isArray(answer)) {
        return feedback("invalid", fmt(m.rows_left, {left: spec.rows.length}));
      }
      if (Object.keys(answer).length > spec.limits.items) { return feedback("invalid", m.too_many); }
      var chosen = {}, left = 0;
      spec.rows.forEach(function (row) {
        var value = Object.prototype.hasOwnProperty.call(answer, row.key) ? answer[row.key] : null;
        chosen[row.key] = value;
        if (typeof value !== "string" || value === "") { left += 1; }
      });
      if (left) { return feedback("invalid", fmt(m.rows_left, {left: left})); }
      if (spec.rows.some(function (row) {
        return longerThan(chosen[row.key], spec.limits.key) || !findOption(spec.options, chosen[row.key]);
      })) {
        return feedback("invalid", m.unknown_option);
      }
      var also = {};
      spec.also.forEach(function (triple) { also[JSON.stringify([triple[0], triple[1]])] = triple[2]; });
      var alsoWhy = function (row) {
        var key = JSON.stringify([row.key, chosen[row.key]]);
        return Object.prototype.hasOwnProperty.call(also, key) ? also[key] : null;
      };
      var wrong = spec.rows.filter(function (row) {
        return chosen[row.key] !== spec.correct[row.key] && alsoWhy(row) === null;
      });
      var notes = spec.rows.filter(function (row) { return alsoWhy(row) !== null; }).map(function (row) {
        var option = findOption(spec.options, chosen[row.key]);
        return fmt(m.also_right, {row: row.short || row.label, option: option.short || option.label,
          feedback: alsoWhy(row)}).trim();
      });
      if (!wrong.length) { return feedback("correct", m.correct, notes); }
      return feedback("incorrect", fmt(m.rows_right, {right: spec.rows.length - wrong.length, total: spec.rows.length}),
        wrong.map(function (row) { return fmt(m.row_wrong, {row: row.short || row.label, feedback: row.feedback}); })
          .concat(notes));
    },

    ordering: function (spec, answer) {
      var m = spec.messages;
      var keys = spec.items.map(function (item) { return item.key; });
      if (!Array.isArray(answer) || answer.length !== keys.length ||
          answer.some(function (a) { return isString(a) && longerThan(a, spec.limits.key); })) {
        return feedback("invalid", m.order_incomplete);
      }
      var given = answer.map(function (a) { return typeof a === "string" ? a : ""; }).sort();
      var wanted = keys.slice().sort();
      if (given.some(function (key, i) { return key !== wanted[i]; })) { return feedback("invalid", m.order_incomplete); }
      var right = 0, first = 0;
      answer.forEach(function (key, i) {
        if (key === spec.correct[i]) { right += 1; } else if (!first) { first = i + 1; }
      });
      if (right === keys.length) { return feedback("correct", m.correct); }
      return feedback("incorrect", fmt(m.order_right, {right: right, total: keys.length}),
        [fmt(m.order_first_wrong, {position: first})]);
    },

    reflection: function (spec, answer) {
      var m = spec.messages;
      if (typeof answer !== "string") { return feedback("invalid", m.reflection_empty); }
      if (longerThan(answer, spec.limit)) { return feedback("invalid", fmt(m.reflection_too_long, {limit: spec.limit_text})); }
      if (!strip(answer)) { return feedback("invalid", m.reflection_empty); }
      if (MARKUP.test(answer)) { return feedback("invalid", m.reflection_markup); }
      if (!looksLikeRewrite(answer, spec)) { return feedback("invalid", fmt(m.reflection_not_rewrite, {keep: spec.keep})); }
      var lowered = asciiLower(answer);
      var contains = function (phrase) { return lowered.indexOf(phrase) >= 0; };
      var details = spec.criteria.map(function (c) {
        var holds = (!c.any_of.length || c.any_of.some(contains)) && !c.none_of.some(contains);
        if (holds) { return c.met; }
        var found = c.none_of.filter(contains).map(function (p) { return "\u201c" + p + "\u201d"; }).join(", ");
        return c.unmet.split("{found}").join(found);
      });
      if (spec.watch_words.length) {
        var left = wordsPresent(answer, spec.watch_words);
        details.push(left.length ? fmt(m.loaded_left, {words: left.map(function (w) { return "\"" + w + "\""; }).join(", ")})
          : m.loaded_none);
      }
      return feedback("feedback", m.reflection, details);
    }
  };

  function check(spec, answer) {
    var checker = checkers[spec.kind];
    if (!checker) { return feedback("invalid", "This exercise can only be checked in a notebook."); }
    return checker(spec, answer);
  }

  /* ---- the page: read answers, show feedback, unfold hints ---------------------------------- */

  function readAnswer(section, spec) {
    var q = function (selector) { return Array.prototype.slice.call(section.querySelectorAll(selector)); };
    switch (spec.kind) {
      case "single":
        var picked = section.querySelector("input[type=radio]:checked");
        return picked ? picked.value : "";
      case "multiple":
        return q("input[type=checkbox]:checked").map(function (box) { return box.value; });
      case "number":
        return section.querySelector("input.kit-number").value;
      case "matching":
        var answer = {};
        q("select[data-row]").forEach(function (select) { answer[select.getAttribute("data-row")] = select.value; });
        return answer;
      case "ordering":
        return q("select[data-position]").map(function (select) { return select.value; });
      case "reflection":
        return section.querySelector("textarea").value;
    }
    return null;
  }

  function showFeedback(section, result) {
    var box = section.querySelector(".kit-feedback");
    box.setAttribute("data-verdict", result.verdict);
    box.textContent = "";
    var message = document.createElement("p");
    message.className = "kit-message";
    message.textContent = result.message;
    box.appendChild(message);
    if (result.details.length) {
      var list = document.createElement("ul");
      result.details.forEach(function (detail) {
        var item = document.createElement("li");
        item.textContent = detail;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
  }

  function unfoldHint(section) {
    var hidden = section.querySelector(".kit-hints li[hidden]");
    if (!hidden) { return; }
    section.querySelector(".kit-hints").hidden = false;
    hidden.hidden = false;
  }

  function setUp(section) {
    var spec;
    try { spec = JSON.parse(section.getAttribute("data-exercise")); } catch (error) { return; }
    var form = section.querySelector("form.kit-form");
    var answer = section.querySelector(".kit-answer");
    if (form) {
      /* The answer is offered only after a first real attempt (without the script it stays readable). */
      if (answer) { answer.hidden = true; }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var result = check(spec, readAnswer(section, spec));
        showFeedback(section, result);
        if (result.verdict === "incorrect") { unfoldHint(section); }
        if (answer && result.verdict !== "invalid") { answer.hidden = false; }
      });
    }
    section.classList.add("kit-ready");
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".kit-exercise[data-exercise]"), setUp);
  }

  /* ---- the weight explorer: sliders re-rank the articles (mirrors exercises/explorer.py) ------ */

  /* Mirrors solutions/analyser/hype.py: hype_score, for every item, category by category in the spec's order. */
  function explorerScores(spec, weights) {
    var scores = {};
    spec.items.forEach(function (item) {
      var total = 0;
      spec.weights.forEach(function (w) { total += weights[w.key] * (item.counts[w.key] || 0); });
      scores[item.key] = item.words > 0 ? total / item.words * 1000 : 0;
    });
    return scores;
  }

  function explorerRanking(spec, weights) {
    var scores = explorerScores(spec, weights);
    return spec.items.map(function (item) { return item.key; }).sort(function (a, b) {
      return scores[b] - scores[a] || (a < b ? -1 : a > b ? 1 : 0);
    });
  }

  function scoreText(score) { return (Math.floor(score * 10 + 0.5) / 10).toFixed(1); }

  function setUpExplorer(section) {
    var spec;
    try { spec = JSON.parse(section.getAttribute("data-explorer")); } catch (error) { return; }
    var sliders = Array.prototype.slice.call(section.querySelectorAll("input[data-weight]"));
    var body = section.querySelector(".kit-ranking tbody");
    var status = section.querySelector(".kit-ranking-status");
    var labels = {};
    spec.items.forEach(function (item) { labels[item.key] = item.label; });
    var shown = explorerRanking(spec, readWeights()).join(" ");

    function readWeights() {
      var weights = {};
      sliders.forEach(function (slider) { weights[slider.getAttribute("data-weight")] = Number(slider.value); });
      return weights;
    }

    function redraw(announce) {
      var weights = readWeights();
      sliders.forEach(function (slider) { slider.nextElementSibling.textContent = Number(slider.value).toFixed(1); });
      var scores = explorerScores(spec, weights);
      var order = explorerRanking(spec, weights);
      body.textContent = "";
      order.forEach(function (key, i) {
        var row = document.createElement("tr");
        var rank = document.createElement("td"), name = document.createElement("th"), score = document.createElement("td");
        rank.textContent = String(i + 1);
        name.scope = "row";
        name.textContent = labels[key];
        score.textContent = scoreText(scores[key]);
        row.appendChild(rank); row.appendChild(name); row.appendChild(score);
        body.appendChild(row);
      });
      if (announce) {
        var changed = order.join(" ") !== shown;
        shown = order.join(" ");
        status.textContent = (changed ? "The order changed. " : "Same order. ") + "First: " + labels[order[0]] +
          " (" + scoreText(scores[order[0]]) + "); last: " + labels[order[order.length - 1]] + " (" +
          scoreText(scores[order[order.length - 1]]) + ").";
      }
    }

    sliders.forEach(function (slider) {
      slider.addEventListener("input", function () { redraw(false); });
      slider.addEventListener("change", function () { redraw(true); });
    });
    var form = section.querySelector("form.kit-weights");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { redraw(true); }, 0); });
    section.classList.add("kit-ready");
  }

  function setUpAllExplorers() {
    Array.prototype.forEach.call(document.querySelectorAll(".kit-explorer[data-explorer]"), setUpExplorer);
  }

  window.KitQuiz = {check: check, parseNumberAnswer: parseNumberAnswer, parseDayAnswer: parseDayAnswer, explorerScores: explorerScores,
    explorerRanking: explorerRanking, scoreText: scoreText, wordsPresent: wordsPresent};
  function start() { setUpAll(); setUpAllExplorers(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
