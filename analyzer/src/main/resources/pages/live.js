// The live page's updates: Server-Sent Events from /events. On (re)connect the server sends every incident it knows,
// then `ready`, then each transition as it arrives on the incident topic. EventSource reconnects by itself.
'use strict';
(function () {
  var status = document.getElementById('live-status');
  var ready = false;

  function show(state, text) {
    status.className = 'live ' + state;
    status.textContent = text;
  }

  if (!window.EventSource) {
    show('off', 'no live updates in this browser: reload to refresh');
    return;
  }
  var source = new EventSource('events');
  source.addEventListener('incident', function (event) {
    var message = JSON.parse(event.data);
    window.IncidentsPage.upsert(message.id, message.html, ready);
  });
  // The groups among the open incidents, re-rendered by the server when they change.
  source.addEventListener('together', function (event) {
    var message = JSON.parse(event.data);
    var old = document.getElementById(message.id);
    var template = document.createElement('template');
    template.innerHTML = message.html;
    var section = template.content.firstElementChild;
    if (old && section) { old.replaceWith(section); }
  });
  source.addEventListener('ready', function () {
    ready = true;
    window.IncidentsPage.refresh();
    show('on', 'live');
  });
  source.addEventListener('error', function () {
    ready = false;
    show('off', 'reconnecting…');
  });
})();
