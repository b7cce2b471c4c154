// A form for a schedule (docs/feed-format.md, "Schedules"): when a banner, an article's excerpt
// or the screen plays. One idea here: the schedule object, shown and read back unchanged in
// meaning (a window without from or to is 00:00 to 24:00; a schedule without windows plays all
// day, every day, within its dates).
'use strict';

const weekDays = [['mon', '一'], ['tue', '二'], ['wed', '三'], ['thu', '四'], ['fri', '五'], ['sat', '六'], ['sun', '日']];
const daySets = { every_day: '每天', working_days: '工作日', rest_days: '休息日', some: '每周…' };

function scheduleInput(type, value, attributes = {}) {
  const input = document.createElement('input');
  input.type = type;
  input.value = value || '';
  Object.assign(input, attributes);
  return input;
}

function labelled(text, control) {
  const label = document.createElement('label');
  label.append(text, control);
  return label;
}

// One window: its days (a named set, or some days of the week), from, to.
function windowRow(window, onChange) {
  const row = document.createElement('div');
  row.className = 'window';
  const days = document.createElement('select');
  days.setAttribute('aria-label', '哪些天');
  for (const [value, text] of Object.entries(daySets)) days.append(new Option(text, value));
  const some = Array.isArray(window.days);
  days.value = some ? 'some' : (window.days || 'every_day');
  const boxes = document.createElement('span');
  boxes.className = 'week-days';
  for (const [day, text] of weekDays) {
    const box = scheduleInput('checkbox', '', { checked: some && window.days.includes(day) });
    box.dataset.day = day;
    boxes.append(labelled(box, text));
  }
  boxes.hidden = !some;
  days.addEventListener('change', () => { boxes.hidden = days.value !== 'some'; });
  const from = scheduleInput('time', window.from || '00:00', { 'aria-label': '从' });
  // A time field cannot hold 24:00, the end of the day: it shows 00:00, read back as 24:00 (a
  // window to 00:00 ends at midnight either way).
  const to = scheduleInput('time', !window.to || window.to === '24:00' ? '00:00' : window.to, { 'aria-label': '到' });
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = '删除时段';
  remove.addEventListener('click', () => { row.remove(); onChange(); });
  row.append(days, boxes, labelled('从 ', from), labelled('到 ', to), remove);
  row.read = (what) => {
    const read = { from: from.value || '00:00', to: !to.value || to.value === '00:00' ? '24:00' : to.value };
    if (read.from === read.to) throw new Error(what + '：时段的“从”和“到”相同，这个时段永远不会播放');
    if (days.value === 'some') {
      read.days = [...boxes.querySelectorAll('input:checked')].map((b) => b.dataset.day);
      if (!read.days.length) throw new Error(what + '：“每周…”的时段至少要选一天');
    } else if (days.value !== 'every_day') {
      read.days = days.value;
    }
    return read;
  };
  return row;
}

// Builds the editor in `container` for `schedule` (undefined: always). options.modes lists the
// choices offered: 'always', 'windows', 'filler' (options.names may rename them); options.what
// names the schedule in messages. Returns { read() }: the schedule, or undefined for "always";
// read() throws, with the reason, for a schedule that could never play. Calls onChange after
// every change (for the live preview).
function scheduleEditor(container, schedule, options, onChange = () => {}) {
  container.replaceChildren();
  container.classList.add('schedule');
  const mode = document.createElement('select');
  mode.setAttribute('aria-label', options.what);
  const modeNames = { always: '始终播放', windows: '按时段播放', filler: '垫片（没有其他内容时播放）', ...(options.names || {}) };
  for (const name of options.modes) mode.append(new Option(modeNames[name], name));
  mode.value = !schedule ? options.modes[0] : schedule.filler ? 'filler' : 'windows';
  const windows = document.createElement('div');
  const add = document.createElement('button');
  add.type = 'button';
  add.textContent = '添加时段';
  const addWindow = (w) => windows.append(windowRow(w, onChange));
  add.addEventListener('click', () => { addWindow({ days: 'working_days', from: '08:00', to: '18:00' }); onChange(); });
  // No windows: all day, every day (within the dates).
  const kept = schedule && !schedule.filler ? (schedule.windows || [{}]) : [];
  for (const w of kept) addWindow(w);
  const first = scheduleInput('date', schedule && schedule.first_day);
  const last = scheduleInput('date', schedule && schedule.last_day);
  const priority = scheduleInput('number', schedule && schedule.priority, { min: -100, max: 100, step: 1 });
  const details = document.createElement('div');
  details.className = 'schedule-details';
  details.append(windows, add, labelled('开始日期 ', first), labelled('结束日期 ', last));
  if (options.priority) details.append(labelled('优先级（-100 至 100，默认 0；同一时刻只播放优先级最高的）', priority));
  const show = () => {
    details.hidden = mode.value === 'always';
    windows.hidden = add.hidden = mode.value === 'filler';
    if (mode.value === 'windows' && !windows.children.length) addWindow({ days: 'working_days', from: '08:00', to: '18:00' });
  };
  mode.addEventListener('change', show);
  container.append(mode, details);
  // Assigned, not added: the editor is built again on the same container.
  container.oninput = onChange;
  container.onchange = onChange;
  show();
  return {
    read() {
      if (mode.value === 'always') return undefined;
      if (mode.value === 'windows' && !windows.children.length) {
        throw new Error(options.what + '：按时段播放至少要有一个时段');
      }
      const read = mode.value === 'filler' ? { filler: true }
        : { windows: [...windows.children].map((row) => row.read(options.what)) };
      if (first.value) read.first_day = first.value;
      if (last.value) read.last_day = last.value;
      if (options.priority && priority.value !== '' && Number(priority.value) !== 0) read.priority = Number(priority.value);
      // Kept as the feed had it: the calendar the days follow, when it named one.
      if (schedule && schedule.calendar) read.calendar = schedule.calendar;
      return read;
    },
  };
}
