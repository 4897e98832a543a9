/* quiz/explorer.js: the weight explorer: sliders re-rank the articles (mirrors exercises/explorer.py). */
(function (quiz) {
  "use strict";

  /* Mirrors solutions/analyser/hype_scoring.py: hype_score, for every item, category by category in the spec's order. */
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
    var sliders = quiz.controls(section, "input[data-weight]");
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

  quiz.explorerScores = explorerScores;
  quiz.explorerRanking = explorerRanking;
  quiz.scoreText = scoreText;
  quiz.onPageReady(function () {
    quiz.controls(document, ".kit-explorer[data-explorer]").forEach(setUpExplorer);
  });
}(window.KitQuiz));
