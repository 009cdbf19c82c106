/*
 * One reading of money for the self-check: parseAmount(text, words) returns whole đồng,
 * or throws a RangeError whose message a person can read and whose `reason` names the
 * fault (empty, negative, unreadable, too_small, too_large).
 * AMOUNT (above this text) is written by the build from campaign_kit.self_check: the
 * unit words of Vietnamese and Khmer, the words it skips, the smallest and largest amount
 * a household's month can have, and the reasons in the site's first language.
 * It reads what people type and paste: "3 triệu", "3tr", "1tr5", "1,5 triệu", "1.5 triệu",
 * "2 triệu 500 nghìn", "2.500.000", "2 500 000", "1 triệu rưỡi", Khmer digits, "៣លាន".
 * A number right after a unit continues it ("1tr5" is 1,5 triệu, "2 triệu 500" is
 * 2.500.000), as people say it.
 */
function parseAmount(text, words) {
  words = words || AMOUNT.words;

  function refuse(reason, values) {
    var message = words.amount[reason].replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? formatDong(values[key], words) : all;
    });
    var error = new RangeError(message);
    error.reason = reason;
    return error;
  }

  var s = plainDigits(String(text === null || text === undefined ? "" : text).normalize("NFC").toLowerCase())
    .replace(/[\s\u200b\u00a0\u202f]+/g, " ").trim();
  if (s === "") throw refuse("empty", {});
  if (/^[-\u2212\u2013]/.test(s) || s.indexOf(AMOUNT.minus) === 0) throw refuse("negative", {});
  // "2 500 000": a space between digit groups is a thousands separator.
  s = s.replace(/(\d) (?=\d{3}(?!\d))/g, "$1");

  var known = Object.keys(AMOUNT.units).concat(AMOUNT.half, AMOUNT.skip).sort(function (a, b) {
    return b.length - a.length;
  }).map(function (word) {
    return word.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&");
  });
  var pattern = new RegExp("(\\d[\\d.,]*)|(" + known.join("|") + ")|(\\S)", "g");
  var total = 0;        // what the big units (nghìn, triệu, tỷ) closed
  var current = 0;      // hundreds waiting for a big unit ("3 trăm nghìn")
  var pending = null;   // the last number, not yet given a unit
  var lastBig = null;   // the last big unit, which a bare number after it continues
  var lastUnit = null;  // the unit just read, which "rưỡi" halves
  var match;
  while ((match = pattern.exec(s)) !== null) {
    if (match[3] !== undefined) {
      if (match[3] === "-") throw refuse("negative", {});
      throw refuse("unreadable", {});
    }
    if (match[1] !== undefined) {
      if (pending !== null) throw refuse("unreadable", {});
      pending = readNumber(match[1].replace(/[.,]$/, ""));
      if (pending === null) throw refuse("unreadable", {});
      lastUnit = null;
      continue;
    }
    var word = match[2];
    if (AMOUNT.skip.indexOf(word) !== -1) continue;
    if (AMOUNT.half.indexOf(word) !== -1) {
      if (lastUnit === null) throw refuse("unreadable", {});
      if (lastUnit < 1000) current += lastUnit / 2;
      else total += lastUnit / 2;
      lastUnit = null;
      continue;
    }
    var unit = AMOUNT.units[word];
    var value = pending !== null ? pending.value : current;
    if (value === 0 && pending === null) throw refuse("unreadable", {});
    if (unit < 1000) {
      current += value * unit;
    } else {
      if (lastBig !== null && unit >= lastBig) throw refuse("unreadable", {});
      total += (pending !== null ? current + pending.value : current) * unit;
      current = 0;
      lastBig = unit;
    }
    pending = null;
    lastUnit = unit;
  }
  if (pending !== null) {
    if (lastBig !== null) {
      // "1tr5", "2 triệu 500": the leading digits of what follows the unit.
      if (!pending.whole || pending.digits > Math.log10(lastBig)) throw refuse("unreadable", {});
      total += pending.value * lastBig / Math.pow(10, pending.digits);
    } else {
      current += pending.value;
    }
  }
  // "1 triệu 2 trăm" is 1.200.000: hundreds after a big unit are hundreds of thousands.
  total += lastBig !== null && lastBig > 1000 ? current * lastBig / 1000 : current;
  total = Math.round(total);
  if (total > AMOUNT.largest) throw refuse("too_large", { largest: AMOUNT.largest });
  if (total > 0 && total < AMOUNT.smallest) throw refuse("too_small", { amount: total });
  return total;
}

/* Khmer digits (០–៩) and the full-width digits of some keyboards as 0–9. */
function plainDigits(text) {
  return text.replace(/[\u17e0-\u17e9]/g, function (digit) {
    return String(digit.charCodeAt(0) - 0x17e0);
  }).replace(/[\uff10-\uff19]/g, function (digit) {
    return String(digit.charCodeAt(0) - 0xff10);
  });
}

/* "2.500.000", "2,500,000" (groups of three) or "1,5", "1.5" (a fraction), or digits. */
function readNumber(token) {
  var grouped = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.exec(token);
  if (grouped) {
    var digits = token.replace(/[.,]/g, "");
    return { value: Number(digits), digits: digits.length, whole: true };
  }
  if (/^\d+$/.test(token)) return { value: Number(token), digits: token.length, whole: true };
  if (/^\d+[.,]\d+$/.test(token)) return { value: Number(token.replace(",", ".")), digits: 0, whole: false };
  return null;
}

/* 3000000 → "3.000.000 đồng" in the words' language. */
function formatDong(value, words) {
  var whole = String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, words.thousands);
  return words.money.replace("{n}", whole);
}
