// The review page's scenario for scripts/review-check.sh, appended to a copy of a page that
// `alinea align --format html` wrote (the page itself has no test hook). It acts as a reviewer
// would, through the page's own buttons and selects: a mistaken merge then Undo, a merge of two
// one-to-one units, a split, a unit marked wrong, the flagged filter on and off, then Download.
// The download is caught (Blob and the link's click) and written into <pre id="check-out">;
// what the TMX made from it must then hold goes into <pre id="check-expect"> as JSON, with the
// problems seen in the page itself under "errors".
(function () {
  'use strict';
  var errors = [];
  var caught = null;
  var name = null;
  var RealBlob = window.Blob;
  window.Blob = function (parts, opts) {
    caught = parts.join('');
    return new RealBlob(parts, opts);
  };
  HTMLAnchorElement.prototype.click = function () { name = this.download; };
  var langs = JSON.parse(document.getElementById('alinea-data').textContent)
    .sides.map(function (s) { return s.lang; });

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('tr[id^="bead-"]')); }
  // A row's range labels per language ('3-4', '5', ''), from the unit numbers shown.
  function labels(tr) {
    return Array.prototype.slice.call(tr.querySelectorAll('td[lang]'))
      .map(function (td) {
        var ix = Array.prototype.map.call(td.querySelectorAll('.u > small'),
          function (s) { return s.textContent; });
        return ix.length === 0 ? '' : ix.length === 1 ? ix[0] : ix[0] + '-' + ix[ix.length - 1];
      });
  }
  function sizes(tr) {
    return Array.prototype.slice.call(tr.querySelectorAll('td[lang]'))
      .map(function (td) { return td.querySelectorAll('.u').length; });
  }
  function index(tr) { return Number(tr.id.slice('bead-'.length)); }
  function find(want) {
    return rows().filter(function (tr) { return labels(tr).join('|') === want.join('|'); })[0];
  }
  // The x-units property the TMX writes for these labels.
  function units(ls) {
    return ls.map(function (l, d) { return l ? langs[d] + ':' + l : ''; })
      .filter(Boolean).join(' ');
  }
  function click(selector) {
    var b = document.querySelector(selector);
    if (!b) { errors.push('no ' + selector); return; }
    b.click();
  }
  function one(s) { return s.every(function (n) { return n === 1; }); }
  function counts() { return document.getElementById('counts').textContent; }

  var total = rows().length;
  // Skip the first rows (letterheads, which are not translations).
  var plain = rows().filter(function (tr, k) {
    return k > 5 && !tr.classList.contains('low') && one(sizes(tr));
  });
  var pairAt = plain.filter(function (tr) {
    var next = document.getElementById('bead-' + (index(tr) + 1));
    return next && plain.indexOf(next) >= 0;
  })[0];
  if (!pairAt) errors.push('no two neighbouring one-to-one units to merge');
  var a = labels(pairAt), b = labels(document.getElementById('bead-' + (index(pairAt) + 1)));
  var merged = a.map(function (l, d) { return l + '-' + b[d]; });
  var wrongRow = plain.filter(function (tr) { return index(tr) > index(pairAt) + 2; })[0];
  var wrong = labels(wrongRow);
  // The unit to split: one with two units or more on a side and none empty, else any one with
  // every side filled (its last language then goes to the second half).
  function splittable(tr, many) {
    var s = sizes(tr);
    var merging = index(tr) === index(pairAt) || index(tr) === index(pairAt) + 1;
    return !merging && tr !== wrongRow && index(tr) > 5 &&
      s.every(function (n) { return n > 0; }) &&
      (!many || s.some(function (n) { return n > 1; }));
  }
  var splitRow = rows().filter(function (tr) { return splittable(tr, true); })[0] ||
    rows().filter(function (tr) { return splittable(tr, false); })[0];
  var splitting = splitRow ? labels(splitRow) : null;

  // A mistaken merge of the first two units, undone.
  var before = labels(rows()[0]).join('|');
  click('[data-act="merge"][data-bead="0"]');
  if (rows().length !== total - 1) errors.push('merge did not remove a row');
  click('#undo');
  if (rows().length !== total || labels(rows()[0]).join('|') !== before) errors.push('undo did not restore the merge');
  if (!document.getElementById('undo').disabled) errors.push('undo stays enabled with nothing to undo');

  // Merge the two one-to-one units.
  click('[data-act="merge"][data-bead="' + index(find(a)) + '"]');
  if (!find(merged)) errors.push('the merged unit ' + merged.join(' ') + ' is not shown');

  // Split: per language, the first unit to the first half and the rest to the second; when
  // every language has one unit, the last language's goes to the second half.
  function numbers(tr) {
    return Array.prototype.slice.call(tr.querySelectorAll('td[lang]')).map(function (td) {
      return Array.prototype.map.call(td.querySelectorAll('.u > small'),
        function (x) { return x.textContent; });
    });
  }
  function label(ix) {
    return ix.length === 0 ? '' : ix.length === 1 ? ix[0] : ix[0] + '-' + ix[ix.length - 1];
  }
  var expectFirst = null, expectSecond = null;
  if (splitRow) {
    var k = index(find(splitting));
    var ix = numbers(find(splitting));
    var all1 = ix.every(function (u) { return u.length === 1; });
    var cuts = ix.map(function (u, d) { return all1 && d === ix.length - 1 ? 0 : 1; });
    click('[data-act="split"][data-bead="' + k + '"]');
    var selects = document.querySelectorAll('#split-' + k + ' select');
    if (selects.length !== langs.length) errors.push('the split row has ' + selects.length + ' selects');
    Array.prototype.forEach.call(selects, function (s, d) {
      s.value = String(cuts[d]);
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click('[data-act="apply-split"][data-bead="' + k + '"]');
    expectFirst = ix.map(function (u, d) { return label(u.slice(0, cuts[d])); });
    expectSecond = ix.map(function (u, d) { return label(u.slice(cuts[d])); });
    var first = labels(document.getElementById('bead-' + k));
    var second = labels(document.getElementById('bead-' + (k + 1)));
    if (first.join('|') !== expectFirst.join('|') || second.join('|') !== expectSecond.join('|')) {
      errors.push('split: ' + first.join('|') + ' + ' + second.join('|') + ', not ' +
        expectFirst.join('|') + ' + ' + expectSecond.join('|'));
    }
  } else {
    errors.push('no unit to split');
  }

  // Mark one wrong, then check the counts and the row.
  click('[data-act="wrong"][data-bead="' + index(find(wrong)) + '"]');
  var w = find(wrong);
  if (!w || !w.classList.contains('wrong')) errors.push('the wrong unit is not marked');
  if (w && w.querySelector('[data-act="wrong"]').getAttribute('aria-pressed') !== 'true') errors.push('aria-pressed not set');
  if (counts().indexOf('1 marked wrong') < 0) errors.push('counts: ' + counts());
  if (counts().indexOf('3 made by the reviewer') < 0) errors.push('counts: ' + counts());
  var flaggedCount = Number((counts().match(/(\d+) flagged/) || [])[1]);

  // The filter shows the flagged rows only, then all again.
  click('#filter');
  var shown = rows();
  if (shown.length !== flaggedCount) errors.push('filter shows ' + shown.length + ' rows, ' + flaggedCount + ' flagged');
  if (!shown.every(function (tr) { return tr.classList.contains('low'); })) errors.push('filter shows an unflagged row');
  if (document.getElementById('filter').getAttribute('aria-pressed') !== 'true') errors.push('filter not pressed');
  click('#filter');
  if (rows().length !== total - 1 + (splitRow ? 1 : 0)) errors.push('filter off shows ' + rows().length + ' rows');

  // Every cell keeps its language and direction.
  rows().forEach(function (tr) {
    tr.querySelectorAll('td[lang]').forEach(function (td, d) {
      if (td.getAttribute('lang') !== langs[d]) errors.push('cell language ' + td.getAttribute('lang'));
      if ((langs[d] === 'ar') !== (td.getAttribute('dir') === 'rtl')) errors.push('dir of ' + langs[d]);
    });
  });

  click('#download');
  if (!caught) errors.push('download made no file');
  var out = document.createElement('pre');
  out.id = 'check-out';
  out.textContent = caught || '';
  document.body.appendChild(out);
  var expect = document.createElement('pre');
  expect.id = 'check-expect';
  expect.textContent = JSON.stringify({
    file: name,
    merged: units(merged),
    parts: [units(a), units(b)],
    wrong: units(wrong),
    split: expectFirst && units(expectFirst),
    splitSecond: expectSecond && units(expectSecond),
    splitWhole: splitting && units(splitting),
    errors: errors
  });
  document.body.appendChild(expect);
})();
