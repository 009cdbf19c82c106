// parseAmount() of the built self-check module: money as people type and paste it, in
// Vietnamese and Khmer, and each refusal with its reason. Run by tests/test_self_check.py:
// SELF_CHECK_MODULE is the built site's self-check.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";

const { parseAmount } = await import(pathToFileURL(process.env.SELF_CHECK_MODULE).href);

const READ = [
  // [as typed, đồng]
  ["3 triệu", 3000000],
  ["3 TRIỆU", 3000000],
  ["3 trieu", 3000000],
  ["3tr", 3000000],
  ["3 tr", 3000000],
  ["1tr5", 1500000],
  ["3tr2", 3200000],
  ["3tr25", 3250000],
  ["1,5 triệu", 1500000],
  ["1.5 triệu", 1500000],
  ["2,5tr", 2500000],
  ["2 triệu 500 nghìn", 2500000],
  ["2 triệu 500 ngàn", 2500000],
  ["2 triệu 500", 2500000],
  ["1 triệu 2 trăm", 1200000],
  ["3 trăm nghìn", 300000],
  ["1 triệu rưỡi", 1500000],
  ["1 triệu rưởi", 1500000],
  ["2.500.000", 2500000],
  ["2,500,000", 2500000],
  ["2 500 000", 2500000],
  ["2\u00a0500\u00a0000", 2500000],
  ["2500000", 2500000],
  ["  2500000  ", 2500000],
  ["500k", 500000],
  ["500 nghìn", 500000],
  ["2 củ", 2000000],
  ["3.000.000 đồng", 3000000],
  ["3.000.000đ", 3000000],
  ["3000000 vnđ", 3000000],
  ["3000000 VND", 3000000],
  ["3 triệu đồng/tháng", 3000000],
  ["khoảng 3 triệu", 3000000],
  ["៣០០០០០០", 3000000],
  ["៣.០០០.០០០ ដុង", 3000000],
  ["៣ លាន", 3000000],
  ["៣លាន", 3000000],
  ["1 លាន កន្លះ", 1500000],
  ["២ លាន ៥ សែន", 2500000],
  ["３００００００", 3000000],
  ["0", 0],
  ["0 đồng", 0],
  ["1 tỷ", 1000000000],
];

for (const [typed, dong] of READ) {
  test(`reads ${JSON.stringify(typed)} as ${dong} đồng`, () => assert.equal(parseAmount(typed), dong));
}

const REFUSED = [
  // [as typed, reason, words the reason says]
  ["", "empty", "ghi 0"],
  ["   ", "empty", "ví dụ 3 triệu"],
  [null, "empty", "ví dụ"],
  ["-3000000", "negative", "số âm"],
  ["−3 triệu", "negative", "dấu trừ"],
  ["âm 3 triệu", "negative", "số âm"],
  ["3 triệu - 1", "negative", "số âm"],
  ["3", "too_small", "3 đồng mỗi tháng là quá ít"],
  ["1,5", "too_small", "ghi thêm chữ “triệu”"],
  ["500", "too_small", "500 đồng"],
  ["5 tỷ", "too_large", "1.000.000.000 đồng"],
  ["30000000000", "too_large", "số chữ số 0"],
  ["abc", "unreadable", "ví dụ 3 triệu, 1tr5"],
  ["ba triệu", "unreadable", "chữ số"],
  ["triệu", "unreadable", "chữ số"],
  ["3 triệu 2 triệu", "unreadable", "chữ số"],
  ["500 nghìn 2 triệu", "unreadable", "chữ số"],
  ["1.2.3", "unreadable", "chữ số"],
  ["3 5", "unreadable", "chữ số"],
  ["3tr5000000", "unreadable", "chữ số"],
  ["rưỡi", "unreadable", "chữ số"],
];

for (const [typed, reason, says] of REFUSED) {
  test(`refuses ${JSON.stringify(typed)}: ${reason}`, () => {
    assert.throws(() => parseAmount(typed), (error) => {
      assert.ok(error instanceof RangeError);
      assert.equal(error.reason, reason);
      assert.ok(error.message.includes(says), error.message);
      return true;
    });
  });
}

// The class, not only the cases: any whole amount in range, written the ways people write it.
function* amounts() {
  let seed = 21;
  for (let i = 0; i < 300; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    yield 1000 + (seed % 999999000);
  }
}

const grouped = (n, sep) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const khmer = (text) => text.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)));

test("any amount in range reads the same in figures, grouped, in Khmer digits and with đồng", () => {
  for (const n of amounts()) {
    for (const typed of [String(n), grouped(n, "."), grouped(n, ","), grouped(n, " "), `${grouped(n, ".")} đồng`,
      khmer(grouped(n, ".")), `${n}đ`]) {
      assert.equal(parseAmount(typed), n, typed);
    }
  }
});

test("any whole number of triệu, and any triệu with a tenth, in words and abbreviated", () => {
  for (let m = 1; m <= 999; m += 7) {
    for (const typed of [`${m} triệu`, `${m}tr`, `${m} củ`, khmer(`${m}លាន`)]) {
      assert.equal(parseAmount(typed), m * 1000000, typed);
    }
    for (let tenth = 1; tenth <= 9; tenth++) {
      const n = m * 1000000 + tenth * 100000;
      for (const typed of [`${m}tr${tenth}`, `${m},${tenth} triệu`, `${m}.${tenth}tr`, `${m} triệu ${tenth} trăm`,
        `${m} triệu ${tenth}00 nghìn`]) {
        assert.equal(parseAmount(typed), n, typed);
      }
    }
  }
});

test("reasons in another language come from the words given", () => {
  const words = { thousands: ",", money: "{n} dong", amount: { too_small: "{amount} is too little" } };
  assert.throws(() => parseAmount("3", words), /^RangeError: 3 dong is too little$/);
});
