/* quiz/progress-page.js: the My progress page (exercises/progress/page.py writes its HTML).
 *
 * Fills each exercise's status from the progress this browser keeps (KitQuiz.progress, quiz/progress.js) and runs
 * the page's controls: the learner's name, Export (a progress file made with KitProgressFile, downloaded through a
 * Blob and an <a download>), Import (a file checked as exercises.progress.read_progress checks it, then merged with
 * the stored progress by the rules of exercises/progress/merging.py) and Reset, which asks in the page first.
 * Every message goes in the page's status region; learner text is shown with textContent only.
 */
(function (quiz, file) {
  "use strict";
  var page = document.querySelector(".kit-progress[data-kit-version]");
  if (!page || !quiz || !quiz.progress) { return; }
  var store = quiz.progress, FILE_NAME = "deepseek-headlines-progress.json";
  var status = page.querySelector(".kit-progress-status"), name = page.querySelector(".kit-progress-name");
  var confirmBox = page.querySelector(".kit-progress-confirm"), fileInput = page.querySelector(".kit-progress-file");
  var resetButton = page.querySelector("[data-action=reset]");

  function say(text) { status.textContent = text; }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  /* What an exercise's state says, in words. */
  function describe(state) {
    if (!state) { return "Not started"; }
    var words = state.right_at_first_try === true ? "Right at first try" : state.attempts > 0
      ? "Tried, " + plural(state.attempts, "attempt", "attempts") : "Answered, not checked yet";
    if (state.right_at_first_try === true && state.attempts > 1) {
      words += " (" + plural(state.attempts, "attempt", "attempts") + ")";
    }
    return state.answer_shown ? words + "; answer shown" : words;
  }

  /* Shows the stored progress: each exercise's status, the summary and the name. */
  function show() {
    var record = store.load(), states = record ? record.exercises : {};
    var rows = page.querySelectorAll("[data-exercise-id]");
    var tried = 0, right = 0, shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var state = Object.prototype.hasOwnProperty.call(states, row.getAttribute("data-exercise-id"))
        ? states[row.getAttribute("data-exercise-id")] : null;
      var cell = row.querySelector(".kit-progress-state");
      cell.textContent = describe(state);
      cell.setAttribute("data-state", !state ? "none" : state.right_at_first_try === true ? "right"
        : state.attempts > 0 ? "tried" : "typed");
      if (state && state.attempts > 0) { tried += 1; }
      if (state && state.right_at_first_try === true) { right += 1; }
      if (state && state.answer_shown) { shown += 1; }
    });
    page.querySelector(".kit-progress-summary").textContent = record
      ? "You have tried " + tried + " of " + plural(rows.length, "exercise", "exercises") + " in this browser: " +
        right + " right at the first try; you opened the answer of " + shown + "."
      : "This browser keeps no progress.";
    if (document.activeElement !== name) {
      name.value = record && typeof record.learner === "string" ? record.learner : "";
    }
    return record;
  }

  function changeName() {
    var record = store.load(), typed = name.value.trim();
    if (!record) { return; }
    if (Array.from(typed).length > 80) { say("A name can be at most 80 characters long."); return; }
    if (typed) { record.learner = typed; } else { delete record.learner; }
    store.save(record);
    say(typed ? "Your name is saved with your progress and written in the files you export." : "No name is saved.");
  }

  function exportFile() {
    var record = show(), text, link;
    if (!record) { say("There is nothing to export: this browser keeps no progress."); return; }
    record.kit_version = page.getAttribute("data-kit-version");
    record.exported_at = new Date().toISOString();
    try { text = file.toJson(record); } catch (error) {
      say("The progress cannot be exported: " + error.message + ".");
      return;
    }
    link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], {type: "application/json"}));
    link.download = FILE_NAME;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    say("Your progress (" + plural(Object.keys(record.exercises).length, "exercise", "exercises") + ") is saved as " +
      FILE_NAME + " in your downloads.");
  }

  function importFile() {
    var chosen = fileInput.files && fileInput.files[0];
    if (!chosen) { return; }
    say("Reading " + chosen.name + "\u2026");
    chosen.arrayBuffer().then(function (buffer) {
      var imported, record, merged;
      try { imported = file.read(new Uint8Array(buffer)); } catch (error) {
        if (!error.progress) { throw error; }
        say("This file cannot be imported. " + error.message);
        return;
      }
      record = store.load();
      if (!record) { say("The file is fine, but this browser cannot keep progress, so it was not imported."); return; }
      try { merged = file.merge(file.ordered(record), imported); } catch (error) {
        say("The file is fine, but the progress kept in this browser could not be joined with it (" + error.message +
          "). Reset this browser's progress, then import the file again.");
        return;
      }
      store.save(merged);
      show();
      say("Imported " + plural(Object.keys(imported.exercises).length, "exercise", "exercises") + " from " +
        chosen.name + ", joined with the progress already in this browser.");
    }).catch(function () {
      say("The file " + chosen.name + " could not be read.");
    }).then(function () { fileInput.value = ""; });
  }

  function askReset() {
    confirmBox.hidden = false;
    confirmBox.querySelector("[data-action=confirm-reset]").focus();
  }

  function endReset(removed) {
    confirmBox.hidden = true;
    resetButton.focus();
    if (!removed) { say("Nothing was removed."); return; }
    try { localStorage.removeItem(store.key); } catch (error) {
      say("This browser's storage is turned off: there is nothing to remove.");
      return;
    }
    show();
    say("Your progress in this browser was removed.");
  }

  page.querySelector(".kit-progress-controls").hidden = false;
  name.addEventListener("change", changeName);
  page.querySelector("[data-action=export]").addEventListener("click", exportFile);
  fileInput.addEventListener("change", importFile);
  resetButton.addEventListener("click", askReset);
  confirmBox.querySelector("[data-action=confirm-reset]").addEventListener("click", function () { endReset(true); });
  confirmBox.querySelector("[data-action=cancel-reset]").addEventListener("click", function () { endReset(false); });
  confirmBox.addEventListener("keydown", function (event) { if (event.key === "Escape") { endReset(false); } });
  window.addEventListener("storage", function (event) { if (event.key === store.key) { show(); } });
  show();
}(window.KitQuiz, window.KitProgressFile));
