/* quiz/kinds/single.js: choose one option (mirrors exercises/kinds/single.py). */
(function (quiz) {
  "use strict";

  quiz.registerKind("single", {
    check: function (spec, answer) {
      var m = spec.messages;
      if (typeof answer !== "string" || answer === "") { return quiz.feedback("invalid", m.choose_one); }
      if (quiz.longerThan(answer, spec.limits.key)) { return quiz.feedback("invalid", m.unknown_option); }
      var option = quiz.findOption(spec.options, answer);
      if (!option) { return quiz.feedback("invalid", m.unknown_option); }
      var verdict = answer === spec.correct || spec.also.indexOf(answer) >= 0 ? "correct" : "incorrect";
      return quiz.feedback(verdict, m[verdict], option.feedback ? [option.feedback] : []);
    },
    read: function (section) {
      var picked = section.querySelector("input[type=radio]:checked");
      return picked ? picked.value : "";
    },
    fill: function (section, answer) {
      quiz.controls(section, "input[type=radio]").forEach(function (box) { quiz.setControl(box, box.value === answer); });
    }
  });
}(window.KitQuiz));
