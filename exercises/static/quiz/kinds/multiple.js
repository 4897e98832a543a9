/* quiz/kinds/multiple.js: tick all that apply (mirrors exercises/kinds/multiple.py). */
(function (quiz) {
  "use strict";
  var fmt = quiz.fmt, feedback = quiz.feedback, asSentence = quiz.asSentence;

  quiz.registerKind("multiple", {
    check: function (spec, answer) {
      var m = spec.messages;
      if (!Array.isArray(answer)) { return feedback("invalid", m.choose_some); }
      if (answer.length > spec.limits.items) { return feedback("invalid", m.too_many); }
      if (!answer.every(quiz.isString) || answer.length === 0) { return feedback("invalid", m.choose_some); }
      if (answer.some(function (key) { return quiz.longerThan(key, spec.limits.key); })) {
        return feedback("invalid", m.unknown_option);
      }
      var chosen = {};
      answer.forEach(function (key) { chosen[key] = true; });
      if (answer.some(function (key) { return !quiz.findOption(spec.options, key); })) {
        return feedback("invalid", m.unknown_option);
      }
      var expected = {}, either = {};
      spec.correct.forEach(function (key) { expected[key] = true; });
      spec.either.forEach(function (key) { either[key] = true; });
      var details = [], right = 0, same = true;
      var notes = spec.options.filter(function (option) { return either[option.key]; }).map(function (option) {
        return fmt(m.either_way, {label: asSentence(option.label), feedback: option.feedback}).trim();
      });
      spec.options.forEach(function (option) {
        var should = !!expected[option.key], did = !!chosen[option.key];
        if (should === did || either[option.key]) { right += 1; return; }
        same = false;
        var template = should ? m.missed : m.wrongly_chosen;
        details.push(fmt(template, {label: asSentence(option.label), feedback: option.feedback}).trim());
      });
      if (same) { return feedback("correct", m.correct, notes); }
      return feedback("incorrect", fmt(m.some_right, {right: right, total: spec.options.length}), details);
    },
    read: function (section) {
      return quiz.controls(section, "input[type=checkbox]:checked").map(function (box) { return box.value; });
    },
    fill: function (section, answer) {
      quiz.controls(section, "input[type=checkbox]").forEach(function (box) {
        quiz.setControl(box, answer.indexOf(box.value) >= 0);
      });
    }
  });
}(window.KitQuiz));
