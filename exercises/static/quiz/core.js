/* Reading the DeepSeek Headlines: the self-check quizzes of the static book. quiz/core.js
 *
 * Every exercise on a page is a <section class="kit-exercise" data-exercise="{spec}"> written by
 * exercises/static_html.py. exercises/quiz_script.py bundles this core, one script per kind (quiz/kinds/<kind>.js,
 * mirroring exercises/kinds/<kind>.py; tests/kinds/test_checker_parity.py runs both on the same cases) and the
 * weight explorer into kit-quiz.js. The core holds the helpers kinds share, their registry
 * (KitQuiz.registerKind(name, {check, read, fill})), KitQuiz.check(spec, answer), KitQuiz.fill(section, spec,
 * answer) and the page set-up: read the answer with the kind's read(section), check it, show the feedback, and
 * tell quiz/progress.js (a "kit-checked" event), which keeps the state and puts it back with KitQuiz.restore.
 * It loads and sends nothing; learner input is only ever shown through textContent, never as HTML.
 *
 * In the student edition (exercises/editions.py) data-exercise holds the spec encoded, and the answer's <details>
 * is hidden with its body encoded in data-answer: KitQuiz.decode reverses the encoding (base64, then XOR with a
 * keystream from the exercise id: FNV-1a, then xorshift32), for the spec at set-up and for the answer when it is
 * first offered. The answer HTML comes from the build, never from the learner.
 *
 * Every checker first limits the size of what it reads (spec.limits, as in Python), before trimming, lower-casing
 * or any regular expression. Characters are counted as Python counts them (code points), walking at most twice
 * the limit.
 */
(function () {
  "use strict";

  var SPACE_CHARACTERS = " \t\n\r\f\v\u00a0";
  var kinds = {};

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* The label closed as a sentence for feedback: a full stop is added unless it already ends with one, or with a
   * question or exclamation mark, before any closing quotation marks or brackets (as kinds/base.py's as_sentence). */
  function asSentence(label) {
    return /[.?!\u2026][\u201d\u2019")\]]*$/.test(label) ? label : label + ".";
  }

  /* Trims SPACE_CHARACTERS from both ends in one pass (as Python's str.strip). */
  function strip(text) {
    var start = 0, end = text.length;
    while (start < end && SPACE_CHARACTERS.indexOf(text.charAt(start)) >= 0) { start += 1; }
    while (end > start && SPACE_CHARACTERS.indexOf(text.charAt(end - 1)) >= 0) { end -= 1; }
    return text.slice(start, end);
  }

  /* Lower-cases A-Z only (solutions/analyser/text.py: ascii_lower). */
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

  function feedback(verdict, message, details) {
    return {verdict: verdict, message: message, details: details || []};
  }

  function findOption(options, key) {
    for (var i = 0; i < options.length; i++) { if (options[i].key === key) { return options[i]; } }
    return null;
  }

  function isString(value) { return typeof value === "string"; }

  /* A kind: check(spec, answer) gives {verdict, message, details}; read(section) the answer on the page;
   * fill(section, answer) sets the page's controls to an answer, as a learner would. */
  function registerKind(name, kind) { kinds[name] = kind; }

  /* The elements under root that match selector, as an array. */
  function controls(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /* Sets a control as a learner would: true/false ticks it, else sets its value; fires input and change. */
  function setControl(control, state) {
    if (typeof state === "boolean") { control.checked = state; } else { control.value = state == null ? "" : state; }
    ["input", "change"].forEach(function (type) { control.dispatchEvent(new Event(type, {bubbles: true})); });
  }

  function kindOf(spec) {
    return Object.prototype.hasOwnProperty.call(kinds, spec.kind) ? kinds[spec.kind] : null;
  }

  function check(spec, answer) {
    var kind = kindOf(spec);
    if (!kind) { return feedback("invalid", "This exercise can only be checked in a notebook."); }
    return kind.check(spec, answer);
  }

  function fill(section, spec, answer) { var kind = kindOf(spec); if (kind) { kind.fill(section, answer); } }

  /* The answer in the page's controls, as the kind's checker reads it (null for a kind the page cannot check). */
  function read(section, spec) { var kind = kindOf(spec || specOf(section)); return kind ? kind.read(section) : null; }

  /* The text exercises/editions.py encoded for the exercise id: base64, then XOR with the id's keystream. */
  function decode(encoded, id) {
    var bytes = atob(encoded), out = new Uint8Array(bytes.length), key = new TextEncoder().encode(id);
    var state = 2166136261, i;
    for (i = 0; i < key.length; i++) { state = Math.imul(state ^ key[i], 16777619) >>> 0; }
    state = state || 1;
    for (i = 0; i < bytes.length; i++) {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      out[i] = bytes.charCodeAt(i) ^ (state & 255);
    }
    return new TextDecoder().decode(out);
  }

  function exerciseId(section) { return section.id.replace(/^exercise-/, ""); }

  /* The spec of an exercise on the page: JSON in the teacher edition, encoded JSON in the student edition. */
  function specOf(section) {
    var text = section.getAttribute("data-exercise");
    return JSON.parse(text.charAt(0) === "{" ? text : decode(text, exerciseId(section)));
  }

  /* Shows the answer; in the student edition its body is decoded the first time. */
  function offerAnswer(section, answer) {
    var encoded = answer.getAttribute("data-answer");
    if (encoded) {
      answer.insertAdjacentHTML("beforeend", decode(encoded, exerciseId(section)));
      answer.removeAttribute("data-answer");
    }
    answer.hidden = false;
  }

  /* Runs set-up once the page is parsed (the script is deferred, so usually at once). */
  function onPageReady(setUp) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); } else { setUp(); }
  }

  /* ---- the page: read answers, show feedback, unfold hints ---------------------------------- */

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

  /* Puts a saved answer back (quiz/progress.js): in the controls, and after a counted attempt its feedback (which
   * counts nothing), as many hints as attempts and the answer offered. */
  function restore(section, saved, attempts) {
    var spec = specOf(section), answer = section.querySelector(".kit-answer");
    fill(section, spec, saved);
    if (!(attempts > 0)) { return; }
    showFeedback(section, check(spec, saved));
    for (var i = 0; i < attempts; i++) { unfoldHint(section); }
    if (answer) { offerAnswer(section, answer); }
  }

  function setUp(section) {
    var spec;
    try { spec = specOf(section); } catch (error) { return; }
    var form = section.querySelector("form.kit-form");
    var answer = section.querySelector(".kit-answer");
    if (form) {
      /* The answer is offered only after a first real attempt (without the script the teacher edition still shows
       * it; the student edition hides it in the page and encodes it). */
      if (answer) { answer.hidden = true; }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var given = read(section, spec), result = check(spec, given);
        showFeedback(section, result);
        if (result.verdict === "incorrect") { unfoldHint(section); }
        if (answer && result.verdict !== "invalid") { offerAnswer(section, answer); }
        /* quiz/progress.js records the check. */
        section.dispatchEvent(new CustomEvent("kit-checked", {bubbles: true,
          detail: {answer: given, verdict: result.verdict}}));
      });
    }
    section.classList.add("kit-ready");
  }

  window.KitQuiz = {check: check, fill: fill, read: read, restore: restore, spec: specOf, decode: decode,
    registerKind: registerKind, onPageReady: onPageReady, fmt: fmt, asSentence: asSentence, strip: strip,
    asciiLower: asciiLower, longerThan: longerThan, feedback: feedback, findOption: findOption, isString: isString,
    controls: controls, setControl: setControl};
  onPageReady(function () {
    controls(document, ".kit-exercise[data-exercise]").forEach(setUp);
  });
}());
