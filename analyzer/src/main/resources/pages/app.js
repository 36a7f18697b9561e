// The incident pages' behaviour, shared by the live page (/app.js) and the post-mortem report (inlined): filters,
// deep links (#/incident/<id>), copy buttons, and keeping the rows in order as the live page receives transitions.
// Plain DOM, no framework, nothing loaded from anywhere. Rows arrive as HTML the server escaped; this script only
// moves them around and reads their data attributes and text.
'use strict';
(function () {
  var list = document.getElementById('incidents');
  var filterBar = document.getElementById('filters');
  var selects = Array.prototype.slice.call(filterBar.querySelectorAll('select'));
  var counts = document.getElementById('counts');
  var empty = document.getElementById('empty');
  var LINK = '#/incident/';
  var SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'];
  var STATUSES = ['OPEN', 'UPDATED', 'RESOLVED'];

  function rows() {
    return Array.prototype.filter.call(list.children, function (el) { return el.matches('details.incident'); });
  }

  function find(id) {
    return rows().filter(function (row) { return row.dataset.id === id; })[0] || null;
  }

  // The order of IncidentHistory.PAGE_ORDER: open first, then the most recently active, then by id.
  function order() {
    var sorted = rows().sort(function (a, b) {
      return (b.dataset.open - a.dataset.open) || (b.dataset.last - a.dataset.last)
        || (a.dataset.id < b.dataset.id ? -1 : a.dataset.id > b.dataset.id ? 1 : 0);
    });
    sorted.forEach(function (row) { list.appendChild(row); });
    // The live page shows a bounded number of rows (the server's too): the oldest resolved ones go first.
    var max = Number(list.dataset.max) || 0;
    if (max > 0) {
      sorted.slice(max).forEach(function (row) { list.removeChild(row); });
    }
  }

  function rank(field, value) {
    var known = field === 'severity' ? SEVERITIES : field === 'status' ? STATUSES : null;
    return known && known.indexOf(value) >= 0 ? known.indexOf(value) : (known ? known.length : 0);
  }

  function refreshFilters() {
    selects.forEach(function (select) {
      var field = select.dataset.filter;
      var current = select.options.length ? select.value : '*';
      var values = [];
      rows().forEach(function (row) {
        if (values.indexOf(row.dataset[field]) < 0) { values.push(row.dataset[field]); }
      });
      values.sort(function (a, b) { return (rank(field, a) - rank(field, b)) || (a < b ? -1 : a > b ? 1 : 0); });
      select.textContent = '';
      select.appendChild(new Option('All', '*'));
      values.forEach(function (value) { select.appendChild(new Option(value === '' ? '(no namespace)' : value, value)); });
      select.value = values.indexOf(current) >= 0 ? current : '*';
    });
  }

  function applyFilters() {
    var all = rows();
    var shown = 0;
    var open = 0;
    all.forEach(function (row) {
      var match = selects.every(function (s) { return s.value === '*' || row.dataset[s.dataset.filter] === s.value; });
      row.hidden = !match;
      shown += match ? 1 : 0;
      open += row.dataset.open === '1' ? 1 : 0;
    });
    counts.textContent = all.length + (all.length === 1 ? ' incident' : ' incidents') + ' · ' + open + ' open'
      + (shown < all.length ? ' · ' + shown + ' shown' : '');
    empty.hidden = shown > 0;
  }

  function showCopyButtons(root) {
    Array.prototype.forEach.call(root.querySelectorAll('button.copy'), function (b) { b.hidden = false; });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on another host is not a secure context: the old way still works there.
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand('copy');
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function idFromHash() {
    return location.hash.indexOf(LINK) === 0 ? decodeURIComponent(location.hash.slice(LINK.length)) : null;
  }

  function linkTo(id) {
    return LINK + encodeURIComponent(id).replace(/%2F/g, '/').replace(/%3A/g, ':');
  }

  function openFromHash() {
    var id = idFromHash();
    var row = id && find(id);
    if (!row) { return; }
    if (row.hidden) {
      selects.forEach(function (s) { s.value = '*'; });
      applyFilters();
    }
    rows().forEach(function (r) { r.classList.toggle('target', r === row); });
    row.open = true;
    row.scrollIntoView({ block: 'start' });
  }

  // A row (re)rendered by the server: replaces the one with the same id, keeping it open if it was.
  function upsert(id, html, live) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var row = template.content.firstElementChild;
    var old = find(id);
    if (old) {
      row.open = old.open;
      row.classList.toggle('target', old.classList.contains('target'));
      list.replaceChild(row, old);
    } else {
      list.appendChild(row);
    }
    showCopyButtons(row);
    if (live) {
      row.classList.add('fresh');
      refresh();
    }
  }

  function refresh() {
    order();
    refreshFilters();
    applyFilters();
    if (idFromHash() && !document.querySelector('details.incident.target')) { openFromHash(); }
  }

  list.addEventListener('click', function (event) {
    var button = event.target.closest('button.copy');
    if (!button) { return; }
    var code = button.parentElement.querySelector('code');
    copyText(code.textContent).then(function () {
      button.textContent = 'Copied';
      button.classList.add('done');
      setTimeout(function () { button.textContent = 'Copy'; button.classList.remove('done'); }, 1500);
    }, function () { button.textContent = 'Select and copy'; });
  });

  // Opening a row makes the address its deep link, so it can be pasted into a chat as is.
  list.addEventListener('toggle', function (event) {
    var row = event.target;
    if (!row.matches || !row.matches('details.incident')) { return; }
    if (row.open && idFromHash() !== row.dataset.id) {
      history.replaceState(null, '', linkTo(row.dataset.id));
    } else if (!row.open && idFromHash() === row.dataset.id) {
      history.replaceState(null, '', location.pathname + location.search);
    }
  }, true);

  selects.forEach(function (s) { s.addEventListener('change', applyFilters); });
  document.getElementById('clear-filters').addEventListener('click', function () {
    selects.forEach(function (s) { s.value = '*'; });
    applyFilters();
  });
  window.addEventListener('hashchange', openFromHash);

  filterBar.hidden = false;
  showCopyButtons(list);
  refresh();
  openFromHash();
  window.IncidentsPage = { upsert: upsert, refresh: refresh };
})();
