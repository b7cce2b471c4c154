// Placard Studio's page: reads and changes content through the JSON API (docs/studio-api.md).
// Every change sends the session's CSRF token in X-CSRF-Token; the server checks roles and the
// workflow on every call, so what is shown or hidden here is only a convenience.
'use strict';

const $ = (id) => document.getElementById(id);
let session = null;
let draft = null;  // The open draft, with its feed: what every form below edits.
let channels = [];
let jsonBroken = null;  // The JSON box's error, while what it holds does not parse.
let articleSchedule = null;
let bannerSchedule = null;
let hoursSchedule = null;
const articleModes = { modes: ['always', 'windows', 'filler'], priority: true, what: '文章摘要的播放时间' };
const bannerModes = { modes: ['always', 'windows', 'filler'], priority: true, what: '横幅的播放时间' };
const hoursModes = { modes: ['always', 'windows'], names: { always: '全天开屏', windows: '按时段开屏' }, what: '开关屏时间' };

function say(text, bad = false) {
  $('status').textContent = text;
  $('status').className = bad ? 'bad' : '';
}

async function api(path, options = {}) {
  const response = await fetch('/api/' + path, {
    credentials: 'same-origin',
    ...options,
    headers: { ...(options.headers || {}), 'X-CSRF-Token': session ? session.csrf : '' },
  });
  if (response.status === 401) {
    window.location.assign('/');
    throw new Error('未登录');
  }
  // Refusals made before a request reaches the studio's routes are plain text (an upload too
  // large, the server busy): said as they are, with the status.
  if (!(response.headers.get('Content-Type') || '').startsWith('application/json')) {
    const text = (await response.text()).trim();
    throw new Error(({ 413: '太大了：', 503: '服务器繁忙：' }[response.status] || '') + (text || response.statusText) +
      '（HTTP ' + response.status + '）');
  }
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error || response.statusText);
    error.problems = body.problems || [];
    throw error;
  }
  return body;
}

const post = (path, body) => api(path, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? '' : JSON.stringify(body),
});

function when(seconds) {
  return new Date(seconds * 1000).toLocaleString('zh-CN', { hour12: false });
}

function cells(row, values) {
  for (const value of values) {
    const td = document.createElement('td');
    if (value instanceof Node) td.append(value); else td.textContent = value;
    row.append(td);
  }
  return row;
}

function button(text, action, className = '') {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = className;
  b.addEventListener('click', () => run(action));
  return b;
}

function fillTable(id, rows) {
  document.querySelector('#' + id + ' tbody')
    .replaceChildren(...rows.map((values) => cells(document.createElement('tr'), values)));
}

const stateNames = { draft: '编辑中', submitted: '待审核', approved: '已通过', published: '已发布' };
const lines = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l);

// --- Drafts -------------------------------------------------------------------------------
async function showDrafts() {
  const { drafts } = await api('drafts');
  fillTable('drafts', drafts.map((d) => [
    '草稿 ' + d.id, d.author, stateNames[d.state] || d.state, d.note,
    button('打开', () => openDraft(d.id)),
  ]));
}

async function openDraft(id) {
  const reopened = draft && draft.id === id;  // After a save or a step: the forms stay as they are.
  draft = await api('drafts/' + id);
  unsaved = false;
  clearTimeout(liveTimer);
  liveRequest++;
  channels = draft.feed.channels || [];
  $('editor').hidden = false;
  $('draft-title').textContent = id + '（' + draft.author + '）';
  $('draft-state').textContent = stateNames[draft.state] || draft.state;
  $('draft-note').textContent = draft.note ? '说明：' + draft.note : '';
  $('problems').replaceChildren();
  jsonBroken = null;
  showDraftContent(false);
  if (!reopened) {
    loadArticle({});
    loadBanner(null);
  }
  showEditable();
  refreshPreview();
}

// Only the author (or an admin) changes a draft, and only while it is 编辑中 (the server says
// so too): for anyone else the forms are read-only and their buttons hidden.
function showEditable() {
  const editable = draft.state === 'draft' && (session.role === 'admin' || draft.author === session.user);
  document.body.dataset.draftEditable = editable ? 'yes' : 'no';
  for (const field of document.querySelectorAll('#editor input, #editor textarea, #editor select')) {
    if (field.id !== 'step-note') field.disabled = !editable;
  }
  if (!editable) {
    $('draft-note').textContent += draft.state === 'draft' ? '（只有作者或管理员可以修改）' : '（此状态下不能修改）';
  }
}

// Shows the draft's feed in every form. The forms' own edits are taken into the feed first,
// unless the feed is new to them (a draft just opened, the JSON box just left).
function showDraftContent(formsHoldEdits = true) {
  if (formsHoldEdits && hoursSchedule) collectFeed();  // Throws, changing nothing, for a form in error.
  const feed = draft.feed;
  // The lists are made again; what was chosen in them stays chosen.
  const chosen = ['article-channel', 'banner-article', 'preview-article'].map((id) => [id, $(id).value]);
  $('article-channel').replaceChildren(...channels.map((c) => new Option(c.title, c.id)));
  fillTable('articles', (feed.articles || []).map((a) => [
    a.title, a.published || '', audience(a), button('编辑', () => {
      loadArticle(a);
      $('article-form').scrollIntoView();
      say('正在编辑文章“' + a.title + '”：改好后点“放入草稿”。');
    }),
    button('删除', () => { feed.articles = feed.articles.filter((x) => x !== a); showDraftContent(); edited(); }),
  ]));
  fillTable('banners', (feed.banners || []).map((b) => {
    const img = document.createElement('img');
    img.src = '/api/' + b.image.replace(/^media\//, 'media/');
    img.className = 'thumb';
    return [img, b.slot === 'side' ? '侧栏' : '轮换图', b.caption || '', audience(b),
      !b.schedule ? '' : b.schedule.filler ? '垫片' : '按时段',
      button('编辑', () => {
        loadBanner(b);
        $('banner-caption').scrollIntoView();
      }),
      button('删除', () => { feed.banners = feed.banners.filter((x) => x !== b); showDraftContent(); edited(); })];
  }));
  showChannels();
  const articleOptions = (feed.articles || []).map((a) => new Option(a.title, a.id));
  $('banner-article').replaceChildren(new Option('（无）', ''), ...articleOptions);
  $('preview-article').replaceChildren(new Option('首页', ''),
    ...(feed.articles || []).map((a) => new Option('文章：' + a.title, a.id)));
  for (const [id, value] of chosen) {
    if ([...$(id).options].some((o) => o.value === value)) $(id).value = value;
  }
  $('ticker').value = (feed.ticker || []).map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join('\n');
  $('site-name').value = (feed.site || {}).name || '';
  $('site-footer').value = ((feed.site || {}).footer || []).join('\n');
  $('logo').src = feed.site && feed.site.logo ? '/api/' + feed.site.logo : '';
  $('logo').hidden = $('remove-logo').hidden = !(feed.site && feed.site.logo);
  if (!formsHoldEdits || !hoursSchedule) {  // Built again only for a feed new to the forms.
    const hours = feed.screen_hours;
    hoursSchedule = scheduleEditor($('screen-hours'), hours && hours.on, hoursModes, edited);
    $('wake-minutes').value = hours && hours.wake_on_touch_minutes !== undefined ? hours.wake_on_touch_minutes : 5;
    showCalendar();
  }
  $('feed-json').value = JSON.stringify(feed, null, 2);
}

// The one office calendar the forms edit ("office"); a feed with other calendars keeps them
// in the JSON box.
function showCalendar() {
  const calendars = draft.feed.calendars || {};
  const others = Object.keys(calendars).filter((name) => name !== 'office');
  const office = calendars.office || {};
  $('holidays').value = (office.holidays || []).join('\n');
  $('working-days').value = (office.working_days || []).join('\n');
  $('holidays').disabled = $('working-days').disabled = others.length > 0;
  $('calendar-hint').textContent = others.length
    ? '此内容的日历（' + Object.keys(calendars).join('、') + '）请在下面的“全部内容”中编辑。' : '';
}

// The form's fields into the draft's feed (the JSON box, once left, is the feed itself).
function collectFeed() {
  if (jsonBroken) throw new Error('请先改正“全部内容”里的 JSON：' + jsonBroken);
  const feed = draft.feed;
  feed.ticker = lines($('ticker').value).map((t, n) => {
    if (!t.startsWith('{')) return t;
    try {
      return JSON.parse(t);
    } catch (error) {
      throw new Error('滚动字幕第 ' + (n + 1) + ' 条以 { 开头，却不是有效的 JSON：' + error.message);
    }
  });
  feed.site = { ...(feed.site || {}), name: $('site-name').value.trim(), footer: lines($('site-footer').value) };
  const on = hoursSchedule.read();
  if (on) {
    feed.screen_hours = { ...(feed.screen_hours || {}), on, wake_on_touch_minutes: Number($('wake-minutes').value) };
  } else {
    delete feed.screen_hours;
  }
  if (!$('holidays').disabled) {
    const office = { holidays: lines($('holidays').value), working_days: lines($('working-days').value) };
    for (const key of ['holidays', 'working_days']) if (!office[key].length) delete office[key];
    // An empty calendar is kept where there was one: schedules may name it.
    if (Object.keys(office).length || (feed.calendars && feed.calendars.office)) feed.calendars = { office };
    else delete feed.calendars;
  }
  if (document.activeElement !== $('feed-json')) $('feed-json').value = JSON.stringify(feed, null, 2);
  return feed;
}

// The JSON box, when the admin leaves it: the whole feed, every form shown from it again.
function takeJson() {
  let feed;
  try {
    feed = JSON.parse($('feed-json').value);
  } catch (error) {
    jsonBroken = error.message;  // The box keeps what was typed; other forms wait for it.
    throw new Error('“全部内容”不是有效的 JSON：' + error.message);
  }
  draft.feed = feed;
  jsonBroken = null;
  channels = draft.feed.channels || [];
  showDraftContent(false);
  edited();
}

// --- Channels, logo ---------------------------------------------------------------------------
function showChannels() {
  const feed = draft.feed;
  fillTable('channels', channels.map((c) => {
    const title = document.createElement('input');
    title.value = c.title;
    title.addEventListener('change', () => { c.title = title.value.trim(); showDraftContent(); edited(); });
    const used = (feed.articles || []).filter((a) => a.channel === c.id).length;
    return [c.id, title, String(used), used ? '' : button('删除', () => {
      feed.channels = channels = channels.filter((x) => x !== c);
      showDraftContent();
      edited();
    })];
  }));
}

function addChannel() {
  const id = $('channel-id').value.trim();
  const title = $('channel-title').value.trim();
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) throw new Error('栏目编号须为字母、数字、-、_ 或 .（至多 64 个）');
  if (!title) throw new Error('请填写栏目名称');
  if (channels.some((c) => c.id === id)) throw new Error('已有编号为 ' + id + ' 的栏目');
  channels.push({ id, title });
  draft.feed.channels = channels;
  $('channel-id').value = $('channel-title').value = '';
  showDraftContent();
  edited();
  say('栏目“' + title + '”已加入草稿（尚未保存）。');
}

async function uploadLogo() {
  const file = $('logo-file').files[0];
  if (!file) return;
  const logo = await api('media', { method: 'POST', body: file });
  $('logo-file').value = '';
  draft.feed.site = { ...(draft.feed.site || {}), logo: logo.path };
  delete draft.feed.site.logo_sha256;
  showDraftContent();
  edited();
  say('标志已上传（尚未保存）。');
}

// --- Articles -------------------------------------------------------------------------------
// "乡镇、县城" into ["乡镇", "县城"] (the screens' groups an item is for; none: every screen), and back.
function groupsOf(field) {
  const groups = $(field).value.split(/[、,，;；]/).map((g) => g.trim()).filter((g) => g);
  return groups.length ? [...new Set(groups)] : undefined;
}
const groupsText = (groups) => (groups || []).join('、');
const audience = (item) => (item.groups ? '仅' + groupsText(item.groups) : '');

function loadArticle(a) {
  $('article-id').value = a.id || '';
  const channel = channels.find((c) => c.id === a.channel || c.title === a.channel);
  $('article-channel').value = channel ? channel.id : (channels[0] || {}).id;
  for (const field of ['title', 'source', 'author', 'published', 'note']) {
    $('article-' + field).value = a[field] || '';
  }
  $('article-highlights').value = (a.highlights || []).join('\n');
  $('article-body').value = (a.body || []).join('\n\n');
  $('article-groups').value = groupsText(a.groups);
  loadedArticle = a;
  articleSchedule = scheduleEditor($('article-schedule'), a.schedule, articleModes, edited);
}

let loadedArticle = {};

function formArticle() {
  const a = {
    ...(loadedArticle.language ? { language: loadedArticle.language } : {}),
    id: $('article-id').value.trim(),
    channel: $('article-channel').value,
    title: $('article-title').value.trim(),
    body: $('article-body').value.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p),
  };
  for (const field of ['source', 'author', 'published', 'note']) {
    const value = $('article-' + field).value.trim();
    if (value) a[field] = value;
  }
  const highlights = lines($('article-highlights').value);
  if (highlights.length) a.highlights = highlights;
  const schedule = articleSchedule ? articleSchedule.read() : undefined;
  if (schedule) a.schedule = schedule;
  const groups = groupsOf('article-groups');
  if (groups) a.groups = groups;
  return a;
}

async function importArticle() {
  const { article } = await post('import-article', { text: $('paste').value });
  loadArticle(article);
  say('已识别：' + article.title + '。请检查各项后点“放入草稿”。');
}

function putArticle() {
  const a = formArticle();
  if (!a.id || !a.title) throw new Error('文章须有编号和标题');
  const feed = draft.feed;
  feed.articles = (feed.articles || []).filter((x) => x.id !== a.id);
  feed.articles.unshift(a);
  showDraftContent();
  edited();
  say('文章“' + a.title + '”已放入草稿（尚未保存）。');
}

// --- Banners ----------------------------------------------------------------------------------
let uploaded = null;
let editingBanner = null;

// A banner of the draft into the form (null: a new one), to change its caption, slot, article,
// schedule or image.
function loadBanner(b) {
  editingBanner = b;
  uploaded = null;
  $('banner-file').value = '';
  $('banner-slot').value = b && b.slot === 'side' ? 'side' : 'main';
  $('banner-caption').value = (b && b.caption) || '';
  $('banner-article').value = (b && b.article) || '';
  $('banner-groups').value = groupsText(b && b.groups);
  $('crops').hidden = !b;
  for (const img of document.querySelectorAll('#crops img')) img.src = b ? '/api/' + b.image : '';
  bannerSchedule = scheduleEditor($('banner-schedule'), b && b.schedule, bannerModes, edited);
  $('banner-editing').textContent = b ? '正在编辑横幅“' + (b.caption || b.id) + '”：可换图片，改好后点“放入草稿”。' : '';
  $('cancel-banner').hidden = !b;
}

async function uploadBanner() {
  const file = $('banner-file').files[0];
  if (!file) return;
  uploaded = await api('media', { method: 'POST', body: file });
  for (const img of document.querySelectorAll('#crops img')) img.src = '/api/media/' + uploaded.name;
  $('crops').hidden = false;
  say('图片已上传：' + uploaded.width + '×' + uploaded.height + '。');
}

function putBanner() {
  if (!uploaded && !editingBanner) throw new Error('请先选择图片');
  const feed = draft.feed;
  // An edited banner keeps what the form does not show (duration, from, until), and its hash
  // while its image stays.
  const banner = { ...(editingBanner || {}) };
  for (const key of ['slot', 'caption', 'article', 'schedule', 'groups']) delete banner[key];
  if (uploaded) {
    banner.image = uploaded.path;
    delete banner.sha256;
  }
  if (editingBanner) {
    banner.id = editingBanner.id;
  } else {  // The same image twice (say, main and side) is two banners.
    const stem = 'b-' + uploaded.name.split('.')[0];
    banner.id = stem;
    for (let n = 2; (feed.banners || []).some((b) => b.id === banner.id); n++) banner.id = stem + '-' + n;
  }
  if ($('banner-slot').value === 'side') banner.slot = 'side';
  if ($('banner-caption').value.trim()) banner.caption = $('banner-caption').value.trim();
  if ($('banner-article').value) banner.article = $('banner-article').value;
  const schedule = bannerSchedule.read();
  if (schedule) banner.schedule = schedule;
  const groups = groupsOf('banner-groups');
  if (groups) banner.groups = groups;
  const at = (feed.banners || []).findIndex((b) => b.id === banner.id);
  feed.banners = (feed.banners || []).filter((b) => b.id !== banner.id);
  feed.banners.splice(at < 0 ? 0 : at, 0, banner);
  loadBanner(null);
  showDraftContent();
  edited();
  say('横幅已放入草稿（尚未保存）。');
}

// --- Saving, the workflow, the preview -------------------------------------------------------
async function save() {
  const feed = collectFeed();
  $('problems').replaceChildren();
  try {
    await post('drafts/' + draft.id + '/feed', feed);
  } catch (error) {
    $('problems').replaceChildren(...error.problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = p;
      return li;
    }));
    throw error;
  }
  draft.feed = feed;
  say('草稿已保存。');
  await openDraft(draft.id);
}

async function step(name) {
  // What the editor sees in the live preview is what is submitted: unsaved edits saved first.
  if (name === 'submit' && unsaved) await save();
  if (name !== 'submit' && unsaved) {
    throw new Error('此草稿有未保存的改动：审核的是已保存的内容。请先保存，或重新打开草稿放弃改动。');
  }
  const result = await post('drafts/' + draft.id + '/' + name, { note: $('step-note').value });
  say(name === 'publish' ? '已发布为版本 ' + result.version + '，屏幕将在下次拉取时显示。'
    : '草稿现在是“' + (stateNames[result.state] || result.state) + '”。');
  $('step-note').value = '';
  await Promise.all([showDrafts(), showVersions(), showAudit(), showNotices()]);
  if (result.state === 'published') {
    $('editor').hidden = true;
    draft = null;
    unsaved = false;
    refreshPreview();
  } else {
    await openDraft(result.id);
  }
}

function previewQuery() {
  const query = new URLSearchParams({ size: $('preview-size').value, at: '3' });
  if ($('preview-time').value) {
    const time = new Date($('preview-time').value);
    const offset = -time.getTimezoneOffset();
    const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
    query.set('time', $('preview-time').value + ':00' + (offset >= 0 ? '+' : '-') +
      pad(offset / 60) + ':' + pad(offset % 60));
  }
  if ($('preview-article').value) query.set('article', $('preview-article').value);
  return query.toString();
}

// The live preview: the draft as the page holds it (unsaved edits, and the article in the form),
// drawn by the server a moment after the admin stops typing.
let unsaved = false;
let liveTimer = null;
let liveRequest = 0;
let liveImage = null;

// What saving would save (an article or banner still in its form is not in it until 放入草稿).
function feedAsEdited() {
  return collectFeed();
}

async function livePreview() {
  if (!draft) return;
  const request = ++liveRequest;
  let feed;
  try {
    feed = feedAsEdited();
  } catch (error) {  // Half-typed JSON: said beside the preview, not over the status line.
    $('preview-of').textContent = '预览未更新：' + error.message;
    return;
  }
  const response = await fetch('/api/preview/draft/' + draft.id + '?' + previewQuery(), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf },
    body: JSON.stringify(feed),
  });
  if (request !== liveRequest || !draft) return;  // A later edit's preview is on its way.
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    $('preview-of').textContent = '预览未更新：' + (body.error || response.statusText);
    return;
  }
  if (liveImage) URL.revokeObjectURL(liveImage);
  liveImage = URL.createObjectURL(await response.blob());
  $('preview').src = liveImage;
  $('preview-of').textContent = '草稿 ' + draft.id + '（编辑中，尚未保存）';
}

function edited() {
  if (!draft) return;
  unsaved = true;
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => run(livePreview), 800);
}

let previewVersion = null;
function refreshPreview() {
  if (draft && unsaved) {
    run(livePreview);
    return;
  }
  const what = draft ? 'draft/' + draft.id : previewVersion ? 'version/' + previewVersion : null;
  if (!what) return;
  $('preview-of').textContent = draft ? '草稿 ' + draft.id + '（已保存的内容）' : '版本 ' + previewVersion;
  $('preview').src = '/api/preview/' + what + '?' + previewQuery() + '&n=' + Date.now();
}

// --- 紧急插播 ---------------------------------------------------------------------------------
const levelNames = { urgent: '紧急', warning: '警告', information: '通知' };

async function showNotices() {
  if (session.role === 'editor') return;
  const { now, notices } = await api('notices');
  fillTable('notices', notices.map((n) => (n.cancel
    ? ['已撤销（' + n.id + '）' + (n.all_clear ? '：' + n.all_clear : ''), '解除', audience(n) || '所有屏幕', '撤销于 ' + when(Date.parse(n.issued) / 1000), '']
    : [n.title || levelNames[n.level], levelNames[n.level], audience(n) || '所有屏幕',
      when(Date.parse(n.expires) / 1000) + (Date.parse(n.expires) / 1000 <= now ? '（已结束）' : ''),
      button('撤销', () => run(() => sendNotice({ id: n.id, cancel: true, all_clear: $('notice-all-clear').value.trim() || undefined })))])));
}

async function sendNotice(notice) {
  // One at a time: a second press while the first is on its way would publish a second notice.
  const buttons = document.querySelectorAll('#notice-section button');
  for (const b of buttons) b.disabled = true;
  let result;
  try {
    result = await post('notices', notice);
  } finally {
    for (const b of buttons) b.disabled = false;
  }
  say((notice.cancel ? '插播已撤销' : '已插播') + '，发布为版本 ' + result.version + '，屏幕将在下次拉取时显示。');
  await Promise.all([showVersions(), showNotices(), showAudit()]);
  if (!draft) refreshPreview();
}

function publishNotice() {
  const text = $('notice-text').value.trim();
  if (!text) throw new Error('请填写插播内容');
  const notice = { level: $('notice-level').value, text, minutes: Number($('notice-minutes').value) };
  if ($('notice-title').value.trim()) notice.title = $('notice-title').value.trim();
  const groups = groupsOf('notice-groups');
  if (groups) notice.groups = groups;
  return sendNotice(notice);
}

// --- Versions, audit ------------------------------------------------------------------------
async function showVersions() {
  const versions = await api('versions');
  previewVersion = versions.current;
  const mayPublish = session.role !== 'editor';
  fillTable('versions', versions.versions.map((v) => [
    'v' + v.version + (v.version === versions.current ? '（当前）' : ''),
    when(v.published), v.publisher, v.note, (v.changes || []).join('；'),
    mayPublish && v.version !== versions.current
      ? button('回滚到此版本', () => run(async () => {
        const r = await post('versions/' + v.version + '/rollback');
        say('已把 v' + r.from + ' 的内容发布为 v' + r.version + '。');
        await Promise.all([showVersions(), showAudit(), showNotices()]);
      })) : '',
  ]));
}

async function showAudit() {
  if (session.role === 'editor') return;
  const audit = await api('audit');
  fillTable('audit', audit.entries.map((e) => [when(e.at), e.user, e.action, e.detail]));
  $('audit-section').hidden = false;
}

// Runs an action, showing its error (and keeping the page as it was).
async function run(action) {
  try {
    await action();
  } catch (error) {
    say(error.message, true);
  }
}

const on = (id, event, action) => $(id).addEventListener(event, () => run(action));

async function start() {
  session = await api('session');
  const roles = { admin: '管理员', editor: '编辑', reviewer: '审核' };
  $('who').textContent = session.user + '（' + roles[session.role] + '）';
  document.body.dataset.role = session.role;
  $('feed-url').textContent = window.location.origin + '/feed/feed.json';
  await Promise.all([showDrafts(), showVersions(), showAudit(), showNotices()]);
  refreshPreview();
  startFleet();
}

on('sign-out', 'click', async () => { await post('sign-out'); window.location.assign('/'); });
on('new-draft', 'click', async () => { const d = await post('drafts'); await showDrafts(); await openDraft(d.id); });
on('import', 'click', importArticle);
on('put-article', 'click', putArticle);
on('banner-file', 'change', uploadBanner);
on('put-banner', 'click', putBanner);
on('add-channel', 'click', addChannel);
on('cancel-banner', 'click', () => { loadBanner(null); say('已取消编辑横幅。'); });
on('logo-file', 'change', uploadLogo);
on('remove-logo', 'click', () => { delete draft.feed.site.logo; delete draft.feed.site.logo_sha256; showDraftContent(); edited(); });
on('feed-json', 'change', takeJson);
on('save', 'click', save);
for (const name of ['submit', 'approve', 'send-back', 'publish']) on(name, 'click', () => step(name));
for (const id of ['preview-size', 'preview-time', 'preview-article']) on(id, 'change', refreshPreview);
on('refresh-preview', 'click', refreshPreview);
on('publish-notice', 'click', publishNotice);
$('editor').addEventListener('input', (event) => {
  if (!['paste', 'step-note', 'feed-json'].includes(event.target.id)) edited();
});
run(start);
