/* quiz/kinds/ordering.js: put the items in order (mirrors exercises/kinds/ordering.py). */
(function (quiz) {
  "use strict";
  var fmt = quiz.fmt, feedback = quiz.feedback;

  quiz.registerKind("ordering", {
    check: function (spec, answer) {
      var m = spec.messages;
      var keys = spec.items.map(function (item) { return item.key; });
      if (!Array.isArray(answer) || answer.length !== keys.length ||
          answer.some(function (a) { return quiz.isString(a) && quiz.longerThan(a, spec.limits.key); })) {
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
    read: function (section) {
      return quiz.controls(section, "select[data-position]").map(function (select) { return select.value; });
    },
    fill: function (section, answer) {
      quiz.controls(section, "select[data-position]").forEach(function (select, i) {
        quiz.setControl(select, answer[i] || "");
      });
    }
  });
}(window.KitQuiz));
