/*
 * The self-check form: reads the income with parseAmount() and says how it read it,
 * counts the ticked indicators, divides the income by the household's members, asks
 * classify() and writes the result. A field it cannot use gets its reason beside it. Without this script
 * the page is a printable checklist. Nothing is sent or stored: the inputs have no
 * name, the button is shown only here, and no request is made.
 */
function startSelfCheck(root) {
  var words = JSON.parse(root.querySelector("[data-self-check-words]").getAttribute("data-self-check-words"));
  var form = root.querySelector("form");
  var result = root.querySelector("[data-self-check-result]");
  var year = form.querySelector("[data-year]");
  var now = new Date().getFullYear();
  if (year.querySelector('option[value="' + now + '"]')) year.value = String(now);
  form.querySelector("[data-self-check-submit]").hidden = false;

  // Only the chosen year's indicators are asked (each period of the standard has its own list),
  // with the note of a period whose list is known only from a draft.
  function showPeriod() {
    var period = periodOf(Number(year.value));
    var first = period === null ? "" : String(period.firstYear);
    root.querySelectorAll("[data-periods]").forEach(function (item) {
      item.hidden = item.getAttribute("data-periods").split(" ").indexOf(first) < 0;
      if (item.hidden) item.querySelectorAll("input").forEach(function (box) { box.checked = false; });
    });
  }
  year.addEventListener("change", showPeriod);
  showPeriod();

  function money(value) {
    return formatDong(value, words);
  }

  // A refusal is written next to its field, which is marked invalid and described by it: the
  // first such field takes the focus, so a screen reader reads its label and the reason.
  function mark(field, message) {
    var error = document.getElementById(field.getAttribute("data-error"));
    error.textContent = message || "";
    error.hidden = !message;
    if (message) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
    return message ? field : null;
  }

  var income = form.querySelector("[data-income]");
  var members = form.querySelector("[data-members]");
  var areas = form.querySelector("[data-areas]");
  var read = form.querySelector("[data-income-read]");

  function reading() {
    try {
      var amount = parseAmount(income.value, words);
      return { amount: amount, said: fill(words.amount.you_entered, { amount: money(amount) }) };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return { error: error.message };
    }
  }

  // As the amount is typed, how it is read: "Bạn nhập: 3.000.000 đồng/tháng".
  income.addEventListener("input", function () {
    var now = reading();
    read.textContent = now.said || "";
    if (now.said) mark(income, "");
  });

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function linked(text, href) {
    var p = document.createElement("p");
    var link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    p.appendChild(link);
    return p;
  }

  function paragraph(text, className) {
    var p = document.createElement("p");
    if (className) p.className = className;
    p.textContent = text;
    return p;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var area = form.querySelector("[data-area]:checked");
    var people = plainDigits(members.value.trim());
    var amount = reading();
    var deprived = form.querySelectorAll("[data-indicator]:checked").length;
    result.textContent = "";
    result.hidden = false;
    var invalid = [
      mark(areas, area ? "" : words.amount.area),
      mark(members, /^\d+$/.test(people) && Number(people) >= 1 ? "" : words.amount.members),
      mark(income, amount.error || "")
    ].filter(Boolean);
    read.textContent = amount.said || "";
    if (invalid.length) {
      result.appendChild(paragraph(words.invalid, "campaign-self-check__invalid"));
      (invalid[0] === areas ? areas.querySelector("input") : invalid[0]).focus();
      return;
    }
    var outcome = classify({ year: Number(year.value), area: area.value, income: amount.amount / Number(people),
      deprived: deprived });
    result.appendChild(paragraph(amount.said, "campaign-self-check__read"));
    var heading = document.createElement("h2");
    heading.textContent = words.categories[outcome.category];
    heading.setAttribute("data-category", outcome.category);
    result.appendChild(heading);
    var why = outcome.category === "none" && outcome.upper === null ? "none_no_upper" : outcome.category;
    var values = { n: deprived, min: outcome.minDeprived };
    if (outcome.category !== "unknown") {
      values.line = money(outcome.line);
      values.upper = outcome.upper === null ? "" : money(outcome.upper);
      result.appendChild(paragraph(fill(words.perPerson, { income: money(outcome.income) })));
    }
    result.appendChild(paragraph(fill(words.why[why], values)));
    if (outcome.source) {
      result.appendChild(linked(fill(words.period, { first: outcome.firstYear, last: outcome.lastYear,
        citation: words.sources[outcome.source].citation }), words.sources[outcome.source].href));
      if (!outcome.indicatorsConfirmed) result.appendChild(paragraph(words.indicatorsDraft));
    }
    if (outcome.category === "poor" || outcome.category === "near_poor") {
      result.appendChild(linked(words.mayGet, words.policies));
    }
    result.appendChild(paragraph(words.nextSteps));
    result.appendChild(linked(words.finderLink, words.finder));
    result.appendChild(paragraph(words.onlyCommune, "campaign-self-check__note"));
    result.focus();
  });
}
