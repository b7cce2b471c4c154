// Placard Studio's page: reads and changes content through the JSON API (docs/studio-api.md).
// Every change sends the session's CSRF token in X-CSRF-Token; the server checks roles and the
// workflow on every call, so what is shown or hidden here is only a convenience.
'use strict';

const $ = (id) => document.getElementById(id);
let session = null;
let draft = null;  // The open draft, with its feed.
let channels = [];

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
  b.addEventListener('click', action);
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
  showDraftContent();
  refreshPreview();
}

function showDraftContent() {
  const feed = draft.feed;
  $('article-channel').replaceChildren(...channels.map((c) => new Option(c.title, c.id)));
  fillTable('articles', (feed.articles || []).map((a) => [
    a.title, a.published || '', button('编辑', () => loadArticle(a)),
    button('删除', () => { feed.articles = feed.articles.filter((x) => x !== a); showDraftContent(); edited(); }),
  ]));
  fillTable('banners', (feed.banners || []).map((b) => {
    const img = document.createElement('img');
    img.src = '/api/' + b.image.replace(/^media\//, 'media/');
    img.className = 'thumb';
    return [img, b.slot === 'side' ? '侧栏' : '轮换图', b.caption || '',
      button('删除', () => { feed.banners = feed.banners.filter((x) => x !== b); showDraftContent(); edited(); })];
  }));
  const articleOptions = (feed.articles || []).map((a) => new Option(a.title, a.id));
  $('banner-article').replaceChildren(new Option('（无）', ''), ...articleOptions);
  $('preview-article').replaceChildren(new Option('首页', ''),
    ...(feed.articles || []).map((a) => new Option('文章：' + a.title, a.id)));
  $('ticker').value = (feed.ticker || []).map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join('\n');
  $('site-name').value = (feed.site || {}).name || '';
  $('site-footer').value = ((feed.site || {}).footer || []).join('\n');
  $('feed-json').value = JSON.stringify(feed, null, 2);
}

// The form's fields back into the draft's feed (the JSON box wins when it was edited).
function collectFeed() {
  let feed = draft.feed;
  try {
    const edited = JSON.parse($('feed-json').value);
    if (JSON.stringify(edited) !== JSON.stringify(feed)) feed = edited;
  } catch (e) {
    throw new Error('“全部内容”不是有效的 JSON：' + e.message);
  }
  feed.ticker = lines($('ticker').value).map((t) => (t.startsWith('{') ? JSON.parse(t) : t));
  feed.site = { ...(feed.site || {}), name: $('site-name').value.trim(), footer: lines($('site-footer').value) };
  return feed;
}

// --- Articles -------------------------------------------------------------------------------
function loadArticle(a) {
  $('article-id').value = a.id || '';
  const channel = channels.find((c) => c.id === a.channel || c.title === a.channel);
  $('article-channel').value = channel ? channel.id : (channels[0] || {}).id;
  for (const field of ['title', 'source', 'author', 'published', 'note']) {
    $('article-' + field).value = a[field] || '';
  }
  $('article-highlights').value = (a.highlights || []).join('\n');
  $('article-body').value = (a.body || []).join('\n\n');
}

function formArticle() {
  const a = {
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

async function uploadBanner() {
  const file = $('banner-file').files[0];
  if (!file) return;
  uploaded = await api('media', { method: 'POST', body: file });
  for (const img of document.querySelectorAll('#crops img')) img.src = '/api/media/' + uploaded.name;
  $('crops').hidden = false;
  say('图片已上传：' + uploaded.width + '×' + uploaded.height + '。');
}

function putBanner() {
  if (!uploaded) throw new Error('请先选择图片');
  const feed = draft.feed;
  const banner = { id: 'b-' + uploaded.name.split('.')[0], image: uploaded.path };
  if ($('banner-slot').value === 'side') banner.slot = 'side';
  if ($('banner-caption').value.trim()) banner.caption = $('banner-caption').value.trim();
  if ($('banner-article').value) banner.article = $('banner-article').value;
  feed.banners = (feed.banners || []).filter((b) => b.id !== banner.id);
  feed.banners.unshift(banner);
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

function feedAsEdited() {
  const feed = JSON.parse(JSON.stringify(collectFeed()));
  const a = formArticle();
  if (a.id && a.title && a.body.length) {
    feed.articles = (feed.articles || []).filter((x) => x.id !== a.id);
    feed.articles.unshift(a);
  }
  return feed;
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
    ? [n.id, '已撤销', when(Date.parse(n.issued) / 1000), '']
    : [n.title || levelNames[n.level], levelNames[n.level],
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
}

on('sign-out', 'click', async () => { await post('sign-out'); window.location.assign('/'); });
on('new-draft', 'click', async () => { const d = await post('drafts'); await showDrafts(); await openDraft(d.id); });
on('import', 'click', importArticle);
on('put-article', 'click', putArticle);
on('banner-file', 'change', uploadBanner);
on('put-banner', 'click', putBanner);
on('save', 'click', save);
for (const name of ['submit', 'approve', 'send-back', 'publish']) on(name, 'click', () => step(name));
for (const id of ['preview-size', 'preview-time', 'preview-article']) on(id, 'change', refreshPreview);
on('refresh-preview', 'click', refreshPreview);
on('publish-notice', 'click', publishNotice);
$('editor').addEventListener('input', (event) => {
  if (event.target.id !== 'paste' && event.target.id !== 'step-note') edited();
});
run(start);
