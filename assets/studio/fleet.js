// The fleet on the studio's page (issue 16): every screen with its state, what it shows and
// its statistics, the screens waiting to be accepted, and commands. Reads GET /api/screens
// every ten seconds; uses studio.js's api/post/run helpers (loaded after this file, called
// only once the page has started).
'use strict';

const screenColours = { green: '正常', amber: '需留意', red: '故障', grey: '按计划关屏' };

function stateBadge(state) {
  const span = document.createElement('span');
  span.className = 'state state-' + state;
  span.textContent = screenColours[state] || state;
  return span;
}

function ago(seconds, now) {
  if (!seconds) return '从未';
  const s = Math.max(0, now - seconds);
  if (s < 90) return s + ' 秒前';
  if (s < 5400) return Math.round(s / 60) + ' 分钟前';
  return when(seconds);
}

function screenLine(s, now) {
  const report = s.report || {};
  const player = report.player || {};
  const shown = player.version >= 0 ? 'v' + player.version : '—';
  return [
    stateBadge(s.state),
    s.name + (s.place ? '（' + s.place + '）' : ''),
    (s.group || '—') + (s.group_pending ? '（待送达）' : ''),
    shown,
    player.showing || '—',
    // Through the broker, when the studio has one: online there, or gone (its will).
    ago(s.last_seen, fleetNow) + (s.broker ? (s.broker === 'online' ? '（MQTT 在线）' : '（MQTT 离线）') : ''),
    (s.reasons || []).join('；'),
    screenshotOf(s),
  ];
}

// The latest screenshot the screen sent (asked for with 截屏), or nothing.
function screenshotOf(s) {
  if (!s.screenshot_at) return '';
  const img = document.createElement('img');
  img.className = 'screenshot';
  img.alt = s.name + ' 的截屏（' + when(s.screenshot_at) + '）';
  img.title = img.alt;
  img.src = '/api/screens/' + s.id + '/screenshot?at=' + s.screenshot_at;
  return img;
}

let fleetNow = 0;

async function sendCommand(body, what) {
  const r = await post('screens/command', body);
  say('已向 ' + r.queued + ' 台终端发出“' + what + '”，终端下次报告时执行。');
}

async function showFleet() {
  const fleet = await api('screens');
  fleetNow = fleet.now;
  const admin = session.role === 'admin';
  const counts = { green: 0, amber: 0, red: 0, grey: 0 };
  for (const s of fleet.screens) counts[s.state] = (counts[s.state] || 0) + 1;
  $('fleet-summary').textContent = '共 ' + fleet.screens.length + ' 台：' +
    Object.entries(counts).map(([k, n]) => screenColours[k] + ' ' + n).join('，') +
    (counts.red > 0 ? '。有终端故障，请查看。' : '。');
  $('fleet-summary').className = counts.red > 0 ? 'bad' : '';
  fillTable('screens', fleet.screens.map((s) => [
    ...screenLine(s, fleet.now),
    admin ? actionsFor(s) : '',
  ]));
  $('screens').querySelectorAll('tbody tr').forEach((row, i) => {
    row.dataset.state = fleet.screens[i].state;
    row.dataset.name = fleet.screens[i].name;
  });
  fillTable('pending-screens', fleet.pending.map((p) => [
    p.name, p.key.slice(0, 16) + '…', p.peer, ago(p.last_seen, fleet.now),
    admin ? button('接入', () => acceptScreen(p)) : '',
  ]));
  $('pending-block').hidden = fleet.pending.length === 0;
  fillTable('screen-plays', fleet.screens.flatMap((s) => s.plays.slice(0, 10).map((p) => [
    s.name, { banner: '横幅', excerpt: '文章摘要', notice: '插播' }[p.zone] || p.zone, p.item,
    p.plays, Math.round(p.seconds / 60) + ' 分钟',
  ])));
  fillTable('screen-visits', fleet.screens.map((s) => [s.name, s.visits]));
}

function actionsFor(s) {
  const box = document.createElement('span');
  box.append(
    button('刷新内容', () => sendCommand({ action: 'refresh', screens: [s.id] }, '刷新内容')),
    button('截屏', () => sendCommand({ action: 'screenshot', screens: [s.id] }, '截屏')),
    // Until the screen hours would next change the panel themselves (a day at most).
    button('关屏', () => sendCommand({ action: 'display-off', screens: [s.id] }, '关屏')),
    button('开屏', () => sendCommand({ action: 'display-on', screens: [s.id] }, '开屏')),
    button('重启播放程序', async () => {
      if (window.confirm('重启“' + s.name + '”的播放程序？屏幕会黑几秒。')) {
        await sendCommand({ action: 'restart', screens: [s.id] }, '重启播放程序');
      }
    }),
    button('编辑', () => describeScreen(s)),
    button('移除', () => removeScreen(s)),
  );
  return box;
}

async function acceptScreen(p) {
  const name = window.prompt('终端名称（如“县委大楼一楼大厅”）', p.name);
  if (name === null) return;
  await post('screens/accept', { key: p.key, name });
  say('已接入终端“' + (name || p.name) + '”。');
  await Promise.all([showFleet(), showAudit()]);
}

async function describeScreen(s) {
  const name = window.prompt('终端名称', s.name);
  if (name === null) return;
  const place = window.prompt('安装地点', s.place);
  if (place === null) return;
  const group = window.prompt('分组（同组终端可一起下发指令；面向此分组的内容和插播只在组内屏幕显示）', s.group);
  if (group === null) return;
  await post('screens/' + s.id, { name, place, group });
  say('已保存终端“' + name + '”。');
  await showFleet();
}

async function removeScreen(s) {
  if (!window.confirm('移除终端“' + s.name + '”？它再报告时需要重新接入。')) return;
  await post('screens/' + s.id + '/remove');
  say('已移除终端“' + s.name + '”。');
  await showFleet();
}

function startFleet() {
  $('refresh-all').addEventListener('click', () => run(() => sendCommand({ action: 'refresh', group: $('command-group').value }, '刷新内容')));
  run(showFleet);
  window.setInterval(() => run(showFleet), 10000);
}
