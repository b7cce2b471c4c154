// Placard Studio's page: reads the JSON API (docs/studio-api.md) and shows it. Every change
// sends the session's CSRF token in X-CSRF-Token; the server checks roles on every call.
'use strict';

let csrf = '';

async function api(path, options = {}) {
  const response = await fetch('/api/' + path, {
    credentials: 'same-origin',
    ...options,
    headers: { ...(options.headers || {}), 'X-CSRF-Token': csrf },
  });
  if (response.status === 401) {
    window.location.assign('/');
    throw new Error('not signed in');
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function when(seconds) {
  return new Date(seconds * 1000).toLocaleString('zh-CN', { hour12: false });
}

function fillTable(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren(...rows.map((cells) => {
    const row = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      td.textContent = cell;
      row.append(td);
    }
    return row;
  }));
}

async function show() {
  const session = await api('session');
  csrf = session.csrf;
  const roles = { admin: '管理员', editor: '编辑', reviewer: '审核' };
  document.getElementById('who').textContent = session.user + '（' + roles[session.role] + '）';
  document.getElementById('feed-url').textContent = window.location.origin + '/feed/feed.json';
  const versions = await api('versions');
  fillTable('versions', versions.versions.map((v) => [
    'v' + v.version + (v.version === versions.current ? '（当前）' : ''),
    when(v.published), v.publisher, v.note]));
  if (session.role !== 'editor') {
    const audit = await api('audit');
    fillTable('audit', audit.entries.map((e) => [when(e.at), e.user, e.action, e.detail]));
    document.getElementById('audit-section').hidden = false;
  }
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('sign-out', { method: 'POST' });
  window.location.assign('/');
});

show();
