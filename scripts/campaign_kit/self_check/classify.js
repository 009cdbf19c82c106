/*
 * Household self-check: the rule of the multidimensional poverty standard.
 * STANDARD (above this text) is written by the build from campaign/poverty_standard.yml
 * and campaign/figures.yml: no line or count is typed here.
 * Income is đồng per person per month; deprived is how many of the year's indicators the
 * household lacks (each period has its own list: STANDARD.periods[i].indicators).
 * The rule (FACTS.md §1a, §1d): income at or below the line AND deprived in poorMinDeprived
 * or more indicators → poor; at or below the line and fewer → near-poor; above the line up
 * to the upper bound of the middle living standard (only where it is known) → middle.
 */
function classify(input) {
  var year = input.year, area = input.area, income = input.income, deprived = input.deprived;
  if (area !== "rural" && area !== "urban") {
    throw new RangeError("area must be \"rural\" or \"urban\", not " + String(area));
  }
  if (typeof income !== "number" || !isFinite(income) || income < 0) {
    throw new RangeError("income must be a number of đồng, 0 or more, not " + String(income));
  }
  if (typeof year !== "number" || Math.floor(year) !== year) {
    throw new RangeError("year must be a whole number, not " + String(year));
  }
  var period = periodOf(year);
  var most = period === null ? 0 : period.indicators.length;
  if (typeof deprived !== "number" || Math.floor(deprived) !== deprived || deprived < 0 ||
      (period !== null && deprived > most)) {
    throw new RangeError("deprived must be a whole number from 0 to " + most);
  }
  if (period === null) return { category: "unknown", year: year, area: area };
  var line = period.povertyLine[area];
  var upper = period.middleUpper ? period.middleUpper[area] : null;
  var category;
  if (income <= line) category = deprived >= STANDARD.poorMinDeprived ? "poor" : "near_poor";
  else if (upper !== null && income <= upper) category = "middle";
  else category = "none";
  return {
    category: category, year: year, area: area, income: income, deprived: deprived,
    line: line, upper: upper, minDeprived: STANDARD.poorMinDeprived, source: period.source,
    firstYear: period.firstYear, lastYear: period.lastYear, indicatorsConfirmed: period.indicatorsConfirmed
  };
}

/* The period of the standard that applies in `year`, or null. */
function periodOf(year) {
  for (var i = 0; i < STANDARD.periods.length; i++) {
    var period = STANDARD.periods[i];
    if (period.firstYear <= year && year <= period.lastYear) return period;
  }
  return null;
}
