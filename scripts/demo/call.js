// Plays the scripted conversation: each line's audio, the speaker's tile lit, and captions that
// grow word by word and rewrite themselves as the platforms' live captions do.
(async () => {
  const base = '/attune-demo/';
  const [conversation, timing] = await Promise.all([
    fetch(base + 'conversation.json').then((r) => r.json()),
    fetch(base + 'audio/timing.json').then((r) => r.json()),
  ]);
  const names = { mentor: conversation.mentor, mentee: conversation.mentee };
  const $ = (id) => document.getElementById(id);
  const caption = document.querySelector('.caption');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  let playing = false;

  function show(screen) {
    for (const id of ['lobby', 'call', 'left']) $(id).hidden = id !== screen;
  }

  async function speak(line, index) {
    const tile = document.querySelector(`.tile[data-speaker="${line.speaker}"]`);
    const seconds = timing[index].seconds;
    const words = line.text.split(' ');
    const audio = new Audio(base + 'audio/' + timing[index].file);
    audio.play().catch(() => {
      /* no audio output: captions still run */
    });
    tile.classList.add('speaking');
    caption.hidden = false;
    caption.querySelector('.who').textContent = names[line.speaker];
    for (let i = 1; i <= words.length; i += 1) {
      caption.querySelector('.words').textContent = words.slice(0, i).join(' ');
      await sleep((seconds * 1000) / words.length);
    }
    tile.classList.remove('speaking');
  }

  async function play() {
    if (playing) return;
    playing = true;
    await sleep(800);
    for (const [i, line] of conversation.lines.entries()) {
      if ($('call').hidden) break;
      await speak(line, i);
      await sleep(line.speaker === 'mentor' ? 1400 : 700);
    }
    playing = false;
  }

  $('join').addEventListener('click', () => {
    show('call');
    play();
  });
  $('leave').addEventListener('click', () => show('left'));
  $('rejoin').addEventListener('click', () => {
    show('call');
    play();
  });
  if (new URLSearchParams(location.search).has('autojoin')) setTimeout(() => $('join').click(), 1000);
})();
