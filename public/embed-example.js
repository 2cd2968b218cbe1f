/*
 * The host side of Dropout Lab's embed protocol (see the README):
 *   lab → page: { source: 'dropout-lab', type: 'ready' | 'resize' | 'state' | 'lesson' | 'error', ... }
 *   page → lab: { target: 'dropout-lab', type: 'play' | 'pause' | 'reset' | 'set', settings? }
 * By default the lab is loaded from this page's own directory. `?lab=<address>` loads it from elsewhere (used by
 * the end-to-end tests to put the lab on another origin); `?parent=` in that address is kept as given.
 */
(function () {
  'use strict';

  var frame = document.getElementById('dropout-lab');
  var stateText = document.getElementById('lab-state');
  var log = document.getElementById('message-log');

  function labAddress() {
    var requested = new URLSearchParams(location.search).get('lab');
    var url = new URL('./', location.href);
    if (requested) {
      try {
        var candidate = new URL(requested, location.href);
        if (candidate.protocol === 'http:' || candidate.protocol === 'https:') url = candidate;
      } catch (error) {
        // Not an address: keep the lab next to this page.
      }
    }
    url.searchParams.set('embed', '1');
    if (!url.searchParams.has('parent')) url.searchParams.set('parent', location.origin);
    return url;
  }

  /** The lesson's step the frame showed last (from its `lesson` messages). */
  var lessonStep;
  var lab = labAddress();
  var labOrigin = lab.origin;
  frame.src = lab.href;

  function note(text) {
    var item = document.createElement('li');
    item.textContent = text;
    log.appendChild(item);
    while (log.children.length > 50) log.removeChild(log.firstChild);
  }

  window.addEventListener('message', function (event) {
    // Only the lab's own frame, from the lab's origin, speaking the lab's protocol.
    if (event.source !== frame.contentWindow || event.origin !== labOrigin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'dropout-lab') return;
    document.body.setAttribute('data-last-' + data.type, String(Date.now()));
    if (data.type === 'resize' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + 'px';
      note('resize ' + Math.ceil(data.height) + ' px');
    } else if (data.type === 'state') {
      stateText.textContent =
        (data.running ? 'Training' : 'Paused') + ': epoch ' + data.epoch + ', p = ' + data.p +
        (data.losses ? ', validation loss with dropout ' + data.losses.dropout.val.toFixed(4) : '');
      stateText.setAttribute('data-epoch', String(data.epoch));
      stateText.setAttribute('data-running', String(data.running));
      stateText.setAttribute('data-p', String(data.p));
    } else if (data.type === 'lesson' && Array.isArray(data.answers)) {
      // Where a student is in the Lesson, and how they answered: what a course page would record.
      var right = data.answers.filter(function (answer) { return answer.answer === 'right'; }).length;
      note('lesson: step ' + data.step + ' of ' + data.steps + ', ' + data.answers.length + ' answered, ' + right + ' right');
      // A new step is shown from its top: the frame cannot scroll this page, so the page does.
      if (lessonStep !== undefined && data.step !== lessonStep && frame.getBoundingClientRect().top < 0) frame.scrollIntoView();
      lessonStep = data.step;
    } else if (data.type === 'ready') {
      note('ready (protocol ' + data.version + ')');
    } else if (data.type === 'error') {
      note('error: ' + data.code);
    }
  });

  function send(type, extra) {
    var message = { target: 'dropout-lab', type: type };
    if (extra) message.settings = extra;
    frame.contentWindow.postMessage(message, labOrigin);
  }

  document.getElementById('play').addEventListener('click', function () { send('play'); });
  document.getElementById('pause').addEventListener('click', function () { send('pause'); });
  document.getElementById('reset').addEventListener('click', function () { send('reset'); });
  document.getElementById('p-half').addEventListener('click', function () { send('set', { p: 0.5 }); });
})();
