/* quiz/progress.js: keeps each exercise's state in this browser and puts it back on every page.
 *
 * The state follows the notebooks' rules (exercises/progress/record.py, ExerciseState): a check records the answer
 * and, unless the answer was refused ("invalid"), counts an attempt; the first counted attempt says whether it was
 * right (a reflection, not graded, says nothing); opening "Show answer" records that it was shown; an answer typed
 * but not checked is kept as the last answer only. The record lives under one localStorage key, as a progress
 * file's content without its checksum (the My progress page, quiz/progress-page.js, exports it with one).
 *
 * Storage that is turned off, full or unreadable gives one short message on the page (tell), and the quizzes keep
 * working. Unreadable data is never thrown away: it is copied under a backup key first, or else left alone.
 * This file is small on purpose: every page loads it, and kit-quiz.js has a weight budget.
 */
(function (quiz) {
  "use strict";
  var KEY = "deepseek-headlines-progress/v1", told, restoring;

  function now() { return new Date().toISOString(); }

  /* Says once a page, at the top of the content, what went wrong with storage (on a page with exercises, or on
   * the My progress page). */
  function tell(text) {
    if (!told) {
      told = document.createElement("p");
      told.className = "kit-storage-message";
      told.setAttribute("role", "status");
      (document.querySelector("article") || document.body).prepend(told);
      told.textContent = text + " The exercises still check answers.";
    }
  }

  /* The stored record (a fresh one when there is none), or undefined when nothing can be kept. Data without a
   * record's shape (the My progress page checks an imported file in full) is copied under a backup key, then the
   * record starts afresh; if the copy fails, the data stays as it is and nothing is saved. */
  function load() {
    var text, record, backup = KEY + "/backup/" + now();
    try { text = localStorage.getItem(KEY); } catch (off) {
      return tell("This browser's storage is off: your progress is not kept.");
    }
    try {
      record = JSON.parse(text) || {format: "deepseek-headlines-progress", schema_version: 1, kit_version: "unknown",
        exported_at: now(), exercises: {}};
      if (record.format === "deepseek-headlines-progress" && Object.values(record.exercises).every(function (state) {
        return Number.isInteger(state.attempts) && state.attempts >= 0 && "last_answer" in state &&
          [null, true, false].indexOf(state.right_at_first_try) >= 0 && typeof state.answer_shown === "boolean" &&
          typeof state.first_seen === "string" && typeof state.last_changed === "string";
      })) { return record; }
    } catch (unreadable) {}
    try { localStorage.setItem(backup, text); } catch (full) {
      return tell("Your saved progress is unreadable and cannot be copied, so new answers are not saved.");
    }
    localStorage.removeItem(KEY);
    tell("Your saved progress was unreadable: it starts afresh, and a copy is kept in this browser as " + backup + ".");
    return load();
  }

  function save(record) {
    try { localStorage.setItem(KEY, JSON.stringify(record)); } catch (full) {
      tell("This browser's storage is full: your latest answers are not saved.");
    }
  }

  /* Records what happened to an exercise (its state is made when first needed) and stores it: a check (the answer
   * and its verdict), "shown" (the answer was opened) or, with no verdict, an answer typed but not checked. */
  function update(section, answer, verdict) {
    var record = load(), time = now(), id = section.id.slice(9), state;
    if (record) {
      state = record.exercises[id] = record.exercises[id] || {last_answer: null, attempts: 0, right_at_first_try: null,
        answer_shown: false, first_seen: time};
      if (verdict === "shown") { state.answer_shown = true; } else { state.last_answer = answer; }
      if (verdict && verdict !== "shown" && verdict !== "invalid") {
        state.attempts += 1;
        if (state.attempts === 1 && verdict !== "feedback") { state.right_at_first_try = verdict === "correct"; }
      }
      state.last_changed = time;
      save(record);
    }
  }

  document.addEventListener("kit-checked", function (event) {
    update(event.target, event.detail.answer, event.detail.verdict);
  });
  document.addEventListener("change", function (event) {
    var section = !restoring && event.target.closest(".kit-exercise.kit-ready");
    if (section) { update(section, quiz.read(section)); }
  });
  /* "toggle" does not bubble: it is caught on its way down. */
  document.addEventListener("toggle", function (event) {
    if (event.target.open && event.target.matches(".kit-answer")) {
      update(event.target.closest(".kit-exercise"), null, "shown");
    }
  }, true);

  quiz.progress = {key: KEY, load: load, save: save};
  quiz.onPageReady(function () {
    var sections = quiz.controls(document, ".kit-exercise.kit-ready"), record = sections.length && load();
    restoring = 1;
    sections.forEach(function (section) {
      var state = record && record.exercises[section.id.slice(9)];
      /* An answer these controls cannot hold (from another version of the kit) leaves the exercise empty. */
      try { if (state) { quiz.restore(section, state.last_answer, state.attempts); } } catch (cannot) {}
    });
    restoring = 0;
  });
}(window.KitQuiz));
