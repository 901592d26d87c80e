// The review page's editor. It reads the alignment from the JSON element #alinea-data and the
// unit texts from the table as written, redraws the table from them, and lets a reviewer
// merge a unit with the next, split a unit, mark it wrong, show the flagged units only, undo,
// and download the corrected beads file (the format `alinea align --beads` reads: the header
// given in the data, then one line per bead). Every action is a button (keyboard: Tab to it,
// then Enter or Space).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('alinea-data').textContent);
  var sides = data.sides;
  var beads = data.beads.map(copy);
  var history = [];
  var flaggedOnly = false;
  var splitting = -1;
  // Changes since the last download: leaving the page then asks first.
  var unsaved = false;
  var body = document.getElementById('beads');
  var tools = document.getElementById('tools');
  var counts = document.getElementById('counts');
  // Each unit's text, read back from the table as written (the page holds every text once):
  // unit u of side d is the element [data-u="u"] in column d + 1; units in no bead come in
  // the data.
  sides.forEach(function (side) {
    var units = [];
    for (var u = 0; u < side.n; u++) units.push('');
    side.rest.forEach(function (r) { units[r[0]] = r[1]; });
    side.units = units;
  });
  Array.prototype.forEach.call(body.rows, function (tr) {
    sides.forEach(function (side, d) {
      var td = tr.cells[d + 1];
      if (!td) return;
      Array.prototype.forEach.call(td.querySelectorAll('[data-u]'), function (e) {
        side.units[Number(e.getAttribute('data-u'))] = e.textContent;
      });
    });
  });

  function copy(b) {
    return {
      s: b.s.map(function (ix) { return ix.slice(); }),
      score: b.score, v: b.v, suspect: b.suspect, reviewed: b.reviewed, wrong: b.wrong
    };
  }

  // Flagged: low confidence, a side empty, not a translation, or marked wrong.
  function flagged(b) {
    return b.wrong || b.suspect || b.v < data.low ||
      b.s.some(function (ix) { return ix.length === 0; });
  }

  function size(b) {
    return b.s.reduce(function (n, ix) { return n + ix.length; }, 0);
  }

  function remember(what) {
    history.push({ beads: beads.map(copy), what: what });
    unsaved = true;
  }

  // A bead the reviewer made: confidence 1, marked reviewed.
  function made(s, suspect) {
    return { s: s, score: '1.0000', v: 1, suspect: suspect, reviewed: true, wrong: false };
  }

  function merge(i) {
    if (i < 0 || i + 1 >= beads.length) return false;
    remember('merge of units ' + (i + 1) + ' and ' + (i + 2));
    var a = beads[i], b = beads[i + 1];
    beads.splice(i, 2, made(a.s.map(function (ix, d) { return ix.concat(b.s[d]); }),
      a.suspect || b.suspect));
    return true;
  }

  // cuts[d]: how many of side d's units go to the first half.
  function split(i, cuts) {
    var b = beads[i];
    if (!b || cuts.length !== b.s.length) return false;
    var first = b.s.map(function (ix, d) { return ix.slice(0, cuts[d]); });
    var second = b.s.map(function (ix, d) { return ix.slice(cuts[d]); });
    var ok = cuts.every(function (c, d) { return c >= 0 && c <= b.s[d].length; });
    if (!ok || size({ s: first }) === 0 || size({ s: second }) === 0) return false;
    remember('split of unit ' + (i + 1));
    beads.splice(i, 1, made(first, b.suspect), made(second, b.suspect));
    return true;
  }

  function toggleWrong(i) {
    var b = beads[i];
    if (!b) return false;
    remember((b.wrong ? 'unmarking' : 'marking') + ' of unit ' + (i + 1));
    b.wrong = !b.wrong;
    return true;
  }

  function undo() {
    var last = history.pop();
    if (!last) return null;
    beads = last.beads;
    unsaved = true;
    return last.what;
  }

  function list(ix) { return '[' + ix.join(', ') + ']'; }

  function beadsText() {
    return data.header + beads.map(function (b) {
      return b.s.map(list).join(':') + ':' + b.score +
        (b.reviewed ? ':reviewed' : '') + (b.wrong ? ':wrong' : '');
    }).join('\n') + '\n';
  }

  function download() {
    var blob = new Blob([beadsText()], { type: 'text/plain;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = (data.document || 'alignment') + '.beads';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    unsaved = false;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function button(label, act, i, attrs) {
    var b = el('button', Object.assign({ type: 'button', 'data-act': act }, attrs || {}), label);
    if (i !== undefined) b.setAttribute('data-bead', String(i));
    return b;
  }

  function range(ix) {
    if (ix.length === 0) return '';
    return ix.length === 1 ? String(ix[0]) : ix[0] + '-' + ix[ix.length - 1];
  }

  function cell(side, attrs) {
    var td = el('td', Object.assign({ lang: side.lang }, attrs || {}));
    if (side.rtl) td.setAttribute('dir', 'rtl');
    return td;
  }

  function row(b, i) {
    var classes = [];
    if (flagged(b)) classes.push('low');
    if (b.wrong) classes.push('wrong');
    if (b.reviewed) classes.push('reviewed');
    var tr = el('tr', { id: 'bead-' + i });
    if (classes.length) tr.className = classes.join(' ');
    var n = el('td', { class: 'n' }, String(i + 1));
    n.appendChild(el('small', {}, b.v.toFixed(2) +
      (b.wrong ? ' · wrong' : '') + (b.reviewed ? ' · reviewed' : '')));
    // Accessible names start with the visible text; the unit's number follows.
    var unit = ' (unit ' + (i + 1) + ')';
    n.appendChild(button('Merge with next', 'merge', i,
      i + 1 < beads.length ? { 'aria-label': 'Merge with next' + unit } : { disabled: '' }));
    n.appendChild(button('Split…', 'split', i,
      size(b) > 1 ? { 'aria-label': 'Split…' + unit } : { disabled: '' }));
    n.appendChild(button('Wrong', 'wrong', i, {
      'aria-pressed': String(b.wrong), 'aria-label': 'Wrong' + unit,
      title: 'Not a translation: left out of the TMX (press again to unmark)'
    }));
    tr.appendChild(n);
    sides.forEach(function (side, d) {
      var td = cell(side);
      if (b.s[d].length === 0) td.appendChild(el('small', {}, '(none)'));
      b.s[d].forEach(function (u) {
        var p = el('div', { class: 'u' });
        p.appendChild(el('small', {}, String(u)));
        p.appendChild(el('span', {}, side.units[u]));
        td.appendChild(p);
      });
      tr.appendChild(td);
    });
    return tr;
  }

  // The row under a bead being split: per side, how many units go to the first half.
  function splitRow(b, i) {
    var tr = el('tr', { class: 'split', id: 'split-' + i });
    var n = el('td', { class: 'n' });
    n.appendChild(el('div', {}, 'Split unit ' + (i + 1) + ':'));
    n.appendChild(button('Apply split', 'apply-split', i));
    n.appendChild(button('Cancel', 'cancel-split', i));
    tr.appendChild(n);
    sides.forEach(function (side, d) {
      var td = cell(side);
      var ix = b.s[d];
      // The page's own words are English, left to right, in any column.
      var label = el('label', { lang: 'en', dir: 'ltr' }, 'First half (' + side.lang + '): ');
      var select = el('select', { 'data-side': String(d) });
      for (var k = 0; k <= ix.length; k++) {
        var text = k === 0 ? 'none' : k === ix.length ? 'all (' + range(ix) + ')'
          : (k === 1 ? 'unit ' : 'units ') + range(ix.slice(0, k));
        select.appendChild(el('option', { value: String(k) }, text));
      }
      select.value = String(Math.ceil(ix.length / 2));
      label.appendChild(select);
      td.appendChild(label);
      tr.appendChild(td);
    });
    return tr;
  }

  function countsText() {
    var f = beads.filter(flagged).length;
    var wrong = beads.filter(function (b) { return b.wrong; }).length;
    var made = beads.filter(function (b) { return b.reviewed; }).length;
    return 'Units: ' + sides.map(function (s) { return s.lang + ' ' + s.units.length; })
      .join(', ') + '. ' + beads.length + ' beads, ' + f + ' flagged, ' + wrong +
      ' marked wrong, ' + made + ' made by the reviewer.';
  }

  var status, filterButton, undoButton;

  function draw(focus) {
    var rows = document.createDocumentFragment();
    beads.forEach(function (b, i) {
      if (flaggedOnly && !flagged(b) && i !== splitting) return;
      rows.appendChild(row(b, i));
      if (i === splitting) rows.appendChild(splitRow(b, i));
    });
    body.replaceChildren(rows);
    counts.textContent = countsText();
    filterButton.setAttribute('aria-pressed', String(flaggedOnly));
    filterButton.textContent = flaggedOnly ? 'Show all units' : 'Show flagged units only';
    undoButton.disabled = history.length === 0;
    if (focus) {
      // Focus stays where the reviewer was; a button just disabled (Undo with nothing left
      // to undo) hands it to the filter.
      var target = document.querySelector(focus);
      if (!target || target.disabled) target = filterButton;
      target.focus();
    }
  }

  function say(text) { status.textContent = text; }

  function act(e) {
    var t = e.target.closest('button[data-act]');
    if (!t) return;
    var i = Number(t.getAttribute('data-bead'));
    var focus = null;
    switch (t.getAttribute('data-act')) {
      case 'merge':
        if (merge(i)) { say('Merged units ' + (i + 1) + ' and ' + (i + 2) + '.'); splitting = -1; }
        focus = '[data-act="merge"][data-bead="' + i + '"]';
        break;
      case 'split':
        splitting = i;
        focus = '#split-' + i + ' select';
        break;
      case 'apply-split':
        var cuts = Array.prototype.map.call(
          document.querySelectorAll('#split-' + i + ' select'),
          function (s) { return Number(s.value); });
        if (split(i, cuts)) {
          splitting = -1;
          say('Split unit ' + (i + 1) + ' in two.');
          focus = '[data-act="split"][data-bead="' + i + '"]';
        } else {
          say('Each half needs at least one unit.');
          focus = '#split-' + i + ' select';
        }
        break;
      case 'cancel-split':
        splitting = -1;
        focus = '[data-act="split"][data-bead="' + i + '"]';
        break;
      case 'wrong':
        toggleWrong(i);
        say('Unit ' + (i + 1) + (beads[i].wrong ? ' marked wrong.' : ' no longer marked wrong.'));
        focus = '[data-act="wrong"][data-bead="' + i + '"]';
        break;
      case 'filter':
        flaggedOnly = !flaggedOnly;
        focus = '#filter';
        break;
      case 'undo':
        var what = undo();
        splitting = -1;
        say(what ? 'Undid the ' + what + '.' : 'Nothing to undo.');
        focus = '#undo';
        break;
      case 'download':
        download();
        say('Downloaded ' + (data.document || 'alignment') + '.beads.');
        return;
      default:
        return;
    }
    draw(focus);
  }

  filterButton = button('', 'filter', undefined, { id: 'filter', 'aria-pressed': 'false' });
  undoButton = button('Undo', 'undo', undefined, { id: 'undo' });
  tools.appendChild(filterButton);
  tools.appendChild(undoButton);
  tools.appendChild(button('Download corrected beads', 'download', undefined, { id: 'download' }));
  status = el('p', { id: 'status', role: 'status' });
  tools.appendChild(status);
  tools.hidden = false;
  document.addEventListener('click', act);
  window.addEventListener('beforeunload', function (e) {
    if (!unsaved) return;
    e.preventDefault();
    e.returnValue = '';
  });
  draw(null);
})();
