/* quiz/kinds/number.js: type a number or a day of the month (mirrors exercises/kinds/number.py and its
 * number parsing, exercises/kinds/number_parsing.py, rule for rule). A typed number or day is at most
 * limits.input characters, then limits.number once trimmed. */
(function (quiz) {
  "use strict";
  var fmt = quiz.fmt, feedback = quiz.feedback, strip = quiz.strip, asciiLower = quiz.asciiLower;
  var longerThan = quiz.longerThan;

  var SPACE = "[ \\t\\n\\r\\f\\v\\u00a0]";
  var SPACES = new RegExp(SPACE + "+", "g");
  var APPROX = new RegExp("^(?:\\u2248|~|about|approximately|approx\\.?|around|roughly|circa)" + SPACE + "*", "i");
  var CURRENCY = new RegExp("^(?:US" + SPACE + "?\\$|USD|\\$)" + SPACE + "*", "i");
  var NUMERAL = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d+,\d+|\d*\.\d+|\d+)/;
  var SCALE = new RegExp("^" + SPACE + "*(thousand|million|billion|trillion|mn|bn|tn|k|m|b|t)(?![A-Za-z])", "i");
  var SCALE_FACTORS = {1: "1,000", 2: "1,000,000", 3: "1,000,000,000"};

  function numeralValue(numeral) {
    numeral = numeral.replace(/[ \u00a0\u202f]/g, "");
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(numeral)) { return Number(numeral.replace(/,/g, "")); }
    if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(numeral)) {
      return Number(numeral.replace(/\./g, "").replace(/,/g, "."));
    }
    return Number(numeral.replace(/,/g, "."));
  }

  /* Mirrors parse_number_answer. Returns [value, null] or [null, message]. */
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

  /* Mirrors parse_day_answer. Returns [day, null] or [null, message]. */
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

  quiz.parseNumberAnswer = parseNumberAnswer;
  quiz.parseDayAnswer = parseDayAnswer;
  quiz.registerKind("number", {
    check: function (spec, answer) {
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
    read: function (section) { return section.querySelector("input.kit-number").value; },
    fill: function (section, answer) { quiz.setControl(section.querySelector("input.kit-number"), answer); }
  });
}(window.KitQuiz));
