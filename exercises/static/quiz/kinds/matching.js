/* quiz/kinds/matching.js: choose an option for every row (mirrors exercises/kinds/matching.py). */
(function (quiz) {
  "use strict";
  var fmt = quiz.fmt, feedback = quiz.feedback, findOption = quiz.findOption;

  /* The score for spec.tally_option of a complete answer, as a line of feedback (none without the option). */
  function tallyOf(spec, chosen) {
    var option = spec.tally_option, total = 0, hits = 0, falseAlarms = 0;
    if (!option) { return []; }
    spec.rows.forEach(function (row) {
      var deserved = spec.correct[row.key] === option;
      if (deserved) { total += 1; }
      if (chosen[row.key] === option) { if (deserved) { hits += 1; } else { falseAlarms += 1; } }
    });
    if (!total) { return []; }
    return [fmt(spec.messages.tally, {score: ((hits - falseAlarms) / total).toFixed(2), hits: hits, total: total,
      false_alarms: falseAlarms, option: option})];
  }

  quiz.registerKind("matching", {
    check: function (spec, answer) {
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
        return quiz.longerThan(chosen[row.key], spec.limits.key) || !findOption(spec.options, chosen[row.key]);
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
      var tally = tallyOf(spec, chosen);
      if (!wrong.length) { return feedback("correct", m.correct, tally.concat(notes)); }
      return feedback("incorrect", fmt(m.rows_right, {right: spec.rows.length - wrong.length, total: spec.rows.length}),
        tally.concat(wrong.map(function (row) { return fmt(m.row_wrong, {row: row.short || row.label, feedback: row.feedback}); }))
          .concat(notes));
    },
    read: function (section) {
      var chosen = {};
      quiz.controls(section, "select[data-row]").forEach(function (select) {
        chosen[select.getAttribute("data-row")] = select.value;
      });
      return chosen;
    },
    fill: function (section, answer) {
      quiz.controls(section, "select[data-row]").forEach(function (select) {
        quiz.setControl(select, answer[select.getAttribute("data-row")] || "");
      });
    }
  });
}(window.KitQuiz));
