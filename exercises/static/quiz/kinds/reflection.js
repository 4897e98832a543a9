/* quiz/kinds/reflection.js: free text, not graded: feedback per criterion and on loaded words left
 * (mirrors exercises/kinds/reflection.py). A reflection is read up to spec.limit characters. */
(function (quiz) {
  "use strict";
  var fmt = quiz.fmt, feedback = quiz.feedback, asciiLower = quiz.asciiLower;

  /* Mirrors the Python _MARKUP, with its white space spelt out (\s differs between the languages). */
  var MARKUP = /<[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*[a-zA-Z!\/?]|&#?[a-zA-Z0-9]+;/;


  /* Mirrors solutions/analyser/phrase_matcher.py: fold_for_matching (curly apostrophes, Unicode hyphens and the
   * characters only one regex engine's \s counts as white space made plain, letters lower-cased in place, so every
   * character keeps its offset). */
  function foldForMatching(text) {
    var folded = text.replace(/[\u2019\u2018\u02bc]/g, "'").replace(/[\u2010\u2011]/g, "-")
      .replace(/[\x1c-\x1f\x85\ufeff]/g, " ");
    var lowered = folded.toLowerCase();
    if (Array.from(lowered).length === Array.from(folded).length) { return lowered; }
    return Array.from(folded).map(function (c) {
      var l = c.toLowerCase();
      return Array.from(l).length === 1 ? l : c;
    }).join("");
  }

  /* The white space of solutions/analyser/text.py's WHITE_SPACE, each character of which becomes a plain space. */
  var WHITE_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

  /* Mirrors phrases_present: the phrases the spec's pattern finds, each once, in the order they first appear. */
  function phrasesPresent(text, pattern) {
    var finder = new RegExp(pattern, "g"), seen = [], match;
    var folded = " " + foldForMatching(text).replace(WHITE_SPACE, " ");  // the pattern writes a space as one
    while ((match = finder.exec(folded)) !== null) {
      var phrase = match[1].replace(/ +/g, " ");
      if (seen.indexOf(phrase) < 0) { seen.push(phrase); }
      if (match[0].length === 0) { finder.lastIndex += 1; }
    }
    return seen;
  }

  /* Mirrors looks_like_rewrite (the original's keys come in the spec). */
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

  quiz.phrasesPresent = phrasesPresent;
  quiz.registerKind("reflection", {
    check: function (spec, answer) {
      var m = spec.messages;
      if (typeof answer !== "string") { return feedback("invalid", m.reflection_empty); }
      if (quiz.longerThan(answer, spec.limit)) {
        return feedback("invalid", fmt(m.reflection_too_long, {limit: spec.limit_text}));
      }
      if (!quiz.strip(answer)) { return feedback("invalid", m.reflection_empty); }
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
      if (spec.watch_pattern) {
        var left = phrasesPresent(answer, spec.watch_pattern);
        details.push(left.length ? fmt(m.loaded_left, {words: left.map(function (w) { return "\"" + w + "\""; }).join(", ")})
          : m.loaded_none);
      }
      return feedback("feedback", m.reflection, details);
    },
    read: function (section) { return section.querySelector("textarea").value; },
    fill: function (section, answer) { quiz.setControl(section.querySelector("textarea"), answer); }
  });
}(window.KitQuiz));
