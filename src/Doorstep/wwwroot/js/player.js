// 随身听 player: one big button, ±15 s, speed, position saved to the server, next chapter by itself.
// Plain ES5 for five-year-old Android browsers; behaviour keyed by data-* attributes (no inline script).
(function () {
  'use strict';
  var root = document.documentElement;
  var size = parseInt(localStorage.getItem('listen-font') || '0', 10) || 0;
  function applySize() { root.className = size > 0 ? 'f' + size : ''; }
  applySize();
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('[data-font]') : null;
    if (!b) { return; }
    size = Math.max(0, Math.min(3, size + parseInt(b.getAttribute('data-font'), 10)));
    localStorage.setItem('listen-font', String(size));
    applySize();
  });

  var box = document.getElementById('player');
  if (!box) { return; }
  var q = function (s) { return box.querySelector(s); };
  var playButton = q('[data-play]'), seek = q('[data-seek]'), now = q('[data-now]'), status = q('[data-status]'), speedBox = q('[data-speed]');
  var saveUrl = box.getAttribute('data-save'), next = box.getAttribute('data-next');
  var start = parseFloat(box.getAttribute('data-position')) || 0;
  var listened = 0, lastSave = 0, completed = false;
  var speed = parseFloat(localStorage.getItem('listen-speed') || '1') || 1;
  speedBox.value = String(speed);

  function clock(s) { s = Math.floor(s); var m = Math.floor(s / 60), r = s % 60; return m + ':' + (r < 10 ? '0' : '') + r; }
  function say(text) { status.textContent = text; }

  function save(position, done) {
    var body = JSON.stringify({ position: position, listened: Math.round(listened), completed: !!done });
    listened = 0;
    lastSave = Date.now();
    try {
      fetch(saveUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body, keepalive: true, credentials: 'omit' })
        .catch(function () { say('网络不好，进度稍后再保存。'); });
    } catch (err) { /* very old browsers: the next save carries the time */ }
  }

  function shown(playing) {
    playButton.textContent = playing ? '❚❚ 暂停' : '▶ 播放';
    playButton.setAttribute('aria-pressed', playing ? 'true' : 'false');
  }

  function goNext() {
    if (next) { say('本章听完了，马上播放下一章。'); setTimeout(function () { location.href = next; }, 1500); }
    else { say('这本书听完了。'); }
  }

  var player = box.getAttribute('data-mode') === 'audio' ? audioPlayer() : speechPlayer();
  playButton.addEventListener('click', function () { player.toggle(); });
  box.addEventListener('click', function (e) {
    var s = e.target.getAttribute && e.target.getAttribute('data-skip');
    if (s) { player.skip(parseInt(s, 10)); }
  });
  speedBox.addEventListener('change', function () {
    speed = parseFloat(speedBox.value) || 1;
    localStorage.setItem('listen-speed', String(speed));
    player.rate(speed);
  });
  seek.addEventListener('change', function () { player.jump(parseFloat(seek.value)); });
  document.addEventListener('visibilitychange', function () { if (document.hidden) { save(player.position(), false); } });
  window.addEventListener('pagehide', function () { save(player.position(), false); });
  setInterval(function () { if (player.playing() && Date.now() - lastSave >= 10000) { save(player.position(), false); } }, 1000);
  if (box.getAttribute('data-autoplay') === '1') { player.toggle(true); }

  function audioPlayer() {
    var a = box.querySelector('audio');
    var last = 0;
    a.playbackRate = speed;
    a.addEventListener('loadedmetadata', function () {
      if (start > 0 && start < a.duration - 2) { a.currentTime = start; say('从上次听到的 ' + clock(start) + ' 接着听。'); }
      seek.max = String(Math.floor(a.duration));
      last = a.currentTime;
    });
    a.addEventListener('timeupdate', function () {
      var t = a.currentTime, d = t - last;
      if (d > 0 && d < 2) { listened += d; }
      last = t;
      now.textContent = clock(t);
      seek.value = String(Math.floor(t));
    });
    a.addEventListener('play', function () { shown(true); });
    a.addEventListener('pause', function () { shown(false); if (!a.ended) { save(a.currentTime, false); } });
    a.addEventListener('ended', function () { shown(false); completed = true; save(a.duration, true); goNext(); });
    a.addEventListener('error', function () { say('录音没有打开，请检查网络后再按播放。'); });
    return {
      toggle: function (force) {
        if (a.paused || force) {
          var p = a.play();
          if (p && p.catch) { p.catch(function () { shown(false); say('请按“播放”开始。'); }); }
        } else { a.pause(); }
      },
      skip: function (s) { a.currentTime = Math.max(0, Math.min((a.duration || 0) - 0.5, a.currentTime + s)); last = a.currentTime; },
      jump: function (t) { a.currentTime = t; last = t; },
      rate: function (r) { a.playbackRate = r; },
      position: function () { return completed ? 0 : a.currentTime; },
      playing: function () { return !a.paused; }
    };
  }

  // No recording yet: the phone's own speech engine reads the text, sentence by sentence; the
  // position is the sentence's number. ±15 s moves one sentence.
  function speechPlayer() {
    var textBox = document.querySelector('[data-text]');
    var text = textBox ? textBox.textContent : '';
    var sentences = [], from = 0, k;
    for (k = 0; k <= text.length; k++) {
      if (k === text.length || '。！？；\n'.indexOf(text.charAt(k)) >= 0) {
        var one = text.substring(from, k + 1).trim();
        if (one.length > 0) { sentences.push(one); }
        from = k + 1;
      }
    }
    var i = Math.min(Math.floor(start), Math.max(0, sentences.length - 1)), on = false, startedAt = 0, gen = 0;
    var synth = window.speechSynthesis;
    seek.max = String(Math.max(0, sentences.length - 1));
    if (!synth) { say('这部手机不能朗读文字，请联系居民区要录音或纸质材料。'); playButton.disabled = true; }
    else if (i > 0) { say('从上次听到的第 ' + (i + 1) + ' 句接着听。'); }
    function showAt() { now.textContent = '第 ' + (i + 1) + ' 句'; seek.value = String(i); }
    showAt();
    function speak() {
      if (!on) { return; }
      if (i >= sentences.length) { on = false; shown(false); completed = true; save(sentences.length, true); goNext(); return; }
      var u = new SpeechSynthesisUtterance(sentences[i]);
      u.lang = 'zh-CN';
      u.rate = speed;
      startedAt = Date.now();
      var g = ++gen;
      u.onend = function () {
        if (g !== gen) { return; }
        listened += (Date.now() - startedAt) / 1000;
        if (on) { i++; showAt(); speak(); }
      };
      synth.speak(u);
    }
    function restart() { gen++; synth.cancel(); if (on) { speak(); } }
    function stop() { on = false; gen++; synth.cancel(); shown(false); save(i, false); }
    return {
      toggle: function (force) { if (!synth) { return; } if (on && !force) { stop(); } else { on = true; shown(true); restart(); } },
      skip: function (s) { i = Math.max(0, Math.min(sentences.length - 1, i + (s > 0 ? 1 : -1))); showAt(); restart(); },
      jump: function (t) { i = Math.max(0, Math.min(sentences.length - 1, Math.floor(t))); showAt(); restart(); },
      rate: function () { restart(); },
      position: function () { return completed ? 0 : i; },
      playing: function () { return on; }
    };
  }
})();
