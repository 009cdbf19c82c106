// classify() of the built self-check module against each boundary of the standard.
// Run by tests/test_self_check.py: SELF_CHECK_MODULE is the built site's self-check.mjs.
// The lines come from the module's STANDARD, which the build writes from campaign/ data:
// a case names the line it tests ("at the line", "one đồng above"), never its value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";

const { classify, STANDARD } = await import(pathToFileURL(process.env.SELF_CHECK_MODULE).href);
const periodOf = (year) => STANDARD.periods.find((p) => p.firstYear <= year && year <= p.lastYear);
const line = (year, area) => periodOf(year).povertyLine[area];
const upper = (year, area) => periodOf(year).middleUpper[area];

const CASES = [
  // [what, input, category]
  ["2026 rural at the line, 3 indicators", { year: 2026, area: "rural", income: line(2026, "rural"), deprived: 3 }, "poor"],
  ["2026 rural at the line, 2 indicators", { year: 2026, area: "rural", income: line(2026, "rural"), deprived: 2 }, "near_poor"],
  ["2026 rural one đồng above, 3 indicators", { year: 2026, area: "rural", income: line(2026, "rural") + 1, deprived: 3 }, "middle"],
  ["2026 rural at the middle upper bound", { year: 2026, area: "rural", income: upper(2026, "rural"), deprived: 12 }, "middle"],
  ["2026 rural one đồng above the upper bound", { year: 2026, area: "rural", income: upper(2026, "rural") + 1, deprived: 0 }, "none"],
  ["2026 urban at the line, 12 indicators", { year: 2026, area: "urban", income: line(2026, "urban"), deprived: 12 }, "poor"],
  ["2026 urban one đồng above", { year: 2026, area: "urban", income: line(2026, "urban") + 1, deprived: 0 }, "middle"],
  ["2026 urban at the middle upper bound", { year: 2026, area: "urban", income: upper(2026, "urban"), deprived: 0 }, "middle"],
  ["2026 urban one đồng above the upper bound", { year: 2026, area: "urban", income: upper(2026, "urban") + 1, deprived: 5 }, "none"],
  ["2022 rural no income, no indicator", { year: 2022, area: "rural", income: 0, deprived: 0 }, "near_poor"],
  ["2027 rural at the new line, 3 indicators", { year: 2027, area: "rural", income: line(2027, "rural"), deprived: 3 }, "poor"],
  ["2027 rural at the new line, 2 indicators", { year: 2027, area: "rural", income: line(2027, "rural"), deprived: 2 }, "near_poor"],
  ["2027 rural one đồng above: no known middle band", { year: 2027, area: "rural", income: line(2027, "rural") + 1, deprived: 3 }, "none"],
  ["2027 urban at the new line", { year: 2027, area: "urban", income: line(2027, "urban"), deprived: 0 }, "near_poor"],
  ["2027 urban one đồng above", { year: 2027, area: "urban", income: line(2027, "urban") + 1, deprived: 4 }, "none"],
  ["2026 vs 2027: between the old and new rural line", { year: 2026, area: "rural", income: line(2027, "rural"), deprived: 3 }, "middle"],
  ["2027: the same household is poor", { year: 2027, area: "rural", income: line(2027, "rural"), deprived: 3 }, "poor"],
  ["2021: the standard of that year is not here", { year: 2021, area: "rural", income: 0, deprived: 3 }, "unknown"],
  ["2031: the standard of that year is not known", { year: 2031, area: "urban", income: 0, deprived: 3 }, "unknown"],
];

for (const [what, input, category] of CASES) {
  test(what, () => assert.equal(classify(input).category, category));
}

test("the lines differ between 2026 and 2027 and between rural and urban", () => {
  assert.ok(line(2027, "rural") > line(2026, "rural"));
  assert.ok(line(2026, "urban") > line(2026, "rural"));
  assert.equal(periodOf(2027).middleUpper, null);
});

test("the result says which line and act it used", () => {
  const result = classify({ year: 2026, area: "urban", income: 1, deprived: 3 });
  assert.equal(result.line, line(2026, "urban"));
  assert.equal(result.minDeprived, 3);
  assert.equal(result.source, "nghi-dinh-07-2021-nd-cp");
  assert.equal(classify({ year: 2027, area: "urban", income: 1, deprived: 3 }).source, "nghi-dinh-351-2025-nd-cp");
});

const IMPOSSIBLE = [
  ["negative income", { year: 2026, area: "rural", income: -1, deprived: 0 }],
  ["income not a number", { year: 2026, area: "rural", income: NaN, deprived: 0 }],
  ["income as text", { year: 2026, area: "rural", income: "1500000", deprived: 0 }],
  ["13 indicators", { year: 2026, area: "rural", income: 0, deprived: 13 }],
  ["negative indicators", { year: 2026, area: "rural", income: 0, deprived: -1 }],
  ["half an indicator", { year: 2026, area: "rural", income: 0, deprived: 2.5 }],
  ["unknown area", { year: 2026, area: "mountain", income: 0, deprived: 0 }],
  ["no area", { year: 2026, income: 0, deprived: 0 }],
  ["year not a whole number", { year: 2026.5, area: "rural", income: 0, deprived: 0 }],
];

for (const [what, input] of IMPOSSIBLE) {
  test(`RangeError: ${what}`, () => assert.throws(() => classify(input), RangeError));
}
