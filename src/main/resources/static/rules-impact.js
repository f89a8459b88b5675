// A rule change's consequences for rule authors: a draft or an earlier version against the active set, over every
// live application (POST /api/rules/impact). The page holds no data; the API decides who may see it.
import { findingRow } from '/findings.js';
import { number as formatNumber, time } from '/formats.js';
import { language, setUpLanguage } from '/language.js';
import { Login } from '/login.js';
import { buttonCell, cell, fill, itemRow, row } from '/tables.js';

const TEXT = {
  vi: {
    title: 'Ảnh hưởng của một thay đổi quy tắc',
    intro: 'Xem trước điều mà bản nháp quy tắc, hoặc một phiên bản trước, sẽ gây ra cho mọi hồ sơ đang hiệu lực so '
      + 'với bộ quy tắc đang áp dụng. Không có gì bị thay đổi.',
    draftFiles: 'Tệp quy tắc nháp', earlierVersion: 'Phiên bản trước', preview: 'Xem ảnh hưởng',
    busy: 'Đang sàng lọc mọi hồ sơ…', csvApplications: 'Tải CSV theo hồ sơ', csvWorkers: 'Tải CSV theo người lao động',
    province: 'Toàn tỉnh', eligible: 'lao động đủ điều kiện, trước → sau', losing: 'lao động mất điều kiện',
    gaining: 'lao động trở nên đủ điều kiện', approved: 'lao động được duyệt, trước → sau',
    approvedDrop: 'lao động được duyệt sẽ bị loại', affected: 'doanh nghiệp bị ảnh hưởng',
    newBlockers: 'hồ sơ có lỗi chặn mới', suspensions: 'giấy phép sẽ bị tạm dừng',
    byPark: 'Theo khu công nghiệp', park: 'Khu công nghiệp', affectedColumn: 'Doanh nghiệp bị ảnh hưởng',
    eligibleColumn: 'Đủ điều kiện trước → sau', losingColumn: 'Mất điều kiện', gainingColumn: 'Thêm đủ điều kiện',
    approvedColumn: 'Được duyệt trước → sau', newBlockersColumn: 'Lỗi chặn mới', suspensionsColumn: 'Sẽ tạm dừng',
    applications: 'Hồ sơ bị ảnh hưởng nhiều nhất', enterprise: 'Doanh nghiệp', status: 'Trạng thái',
    suspendedColumn: 'Giấy phép', wouldBeSuspended: 'Sẽ bị tạm dừng',
    workersLosing: 'Người lao động mất điều kiện', workersGaining: 'Người lao động trở nên đủ điều kiện',
    citizenId: 'Số CCCD', fullName: 'Họ và tên', reasonsBefore: 'Lý do trước', reasonsAfter: 'Lý do sau',
    findingsAdded: 'Phát hiện mới', findingsRemoved: 'Phát hiện không còn', code: 'Mã', severity: 'Mức độ',
    group: 'Tổ', subject: 'Đối tượng', message: 'Nội dung', none: 'Không có',
    draft: checksum => `bản nháp ${checksum}`,
    summary: (compared, active, at) => `So sánh ${compared} với bộ quy tắc đang áp dụng ${active}; sàng lọc lúc ${at} `
      + '(giờ Việt Nam).',
    shown: (shown, affected, all) => `${shown} trong ${affected} hồ sơ bị ảnh hưởng, trên ${all} hồ sơ đang hiệu lực. `
      + 'Bấm tên doanh nghiệp để xem chi tiết; tệp CSV có mọi hồ sơ.',
    chooseFiles: 'Hãy chọn ít nhất một tệp quy tắc.', chooseVersion: 'Chưa có phiên bản trước nào để so sánh.',
    statuses: { UNDER_REVIEW: 'Đang thẩm định', AWAITING_DECISION: 'Chờ Ban chỉ đạo quyết định',
      NEEDS_CORRECTION: 'Cần bổ sung', APPROVED: 'Đã cấp phép', SUSPENDED: 'Tạm dừng' }
  },
  en: {
    title: 'A rule change\'s impact',
    intro: 'See what a draft, or an earlier version, would do to every live application compared with the active '
      + 'rule set. Nothing is changed.',
    draftFiles: 'Draft rule files', earlierVersion: 'Earlier version', preview: 'Show the impact',
    busy: 'Screening every live application…', csvApplications: 'Download CSV per application',
    csvWorkers: 'Download CSV per worker', province: 'Province', eligible: 'eligible workers, before → after',
    losing: 'workers losing eligibility', gaining: 'workers gaining eligibility',
    approved: 'approved workers, before → after', approvedDrop: 'approved workers who would drop',
    affected: 'enterprises affected', newBlockers: 'applications with new blockers',
    suspensions: 'permits that would be suspended', byPark: 'By industrial park', park: 'Industrial park',
    affectedColumn: 'Enterprises affected', eligibleColumn: 'Eligible before → after', losingColumn: 'Losing',
    gainingColumn: 'Gaining', approvedColumn: 'Approved before → after', newBlockersColumn: 'New blockers',
    suspensionsColumn: 'Would be suspended', applications: 'Most affected applications', enterprise: 'Enterprise',
    status: 'Status', suspendedColumn: 'Permit', wouldBeSuspended: 'Would be suspended',
    workersLosing: 'Workers losing eligibility', workersGaining: 'Workers gaining eligibility',
    citizenId: 'Citizen ID', fullName: 'Full name', reasonsBefore: 'Reasons before', reasonsAfter: 'Reasons after',
    findingsAdded: 'Findings added', findingsRemoved: 'Findings removed', code: 'Code', severity: 'Severity',
    group: 'Group', subject: 'Subject', message: 'Message', none: 'None',
    draft: checksum => `The draft ${checksum}`,
    summary: (compared, active, at) => `${compared} compared with the active rule set ${active}; screened at ${at} `
      + '(Vietnam time).',
    shown: (shown, affected, all) => `${shown} of ${affected} affected applications, of ${all} live ones. Click an `
      + 'enterprise for the detail; the CSV lists every application.',
    chooseFiles: 'Choose at least one rule file.', chooseVersion: 'There is no earlier version to compare.',
    statuses: { UNDER_REVIEW: 'Under review', AWAITING_DECISION: 'Awaiting the committee\'s decision',
      NEEDS_CORRECTION: 'Needs correction', APPROVED: 'Approved', SUSPENDED: 'Suspended' }
  }
};

// Rows in the applications table: a province-wide change can touch thousands; the CSV has them all.
const SHOWN = 200;

let versions = [];
let activeVersion = null;
let compared = null;
let report = null;
let selected = null;
let busy = false;
// What the page says, in the page's language: a Refusal, or any object with text().
let pageMessage = null;

function t(key) { return TEXT[language][key]; }

function number(value) { return formatNumber(value, language); }

function dateTime(iso) { return time(iso, language); }

// The API leaves out a figure that has none, such as the approved workers of an application without a permit.
function figure(value) { return value === undefined ? '—' : number(value); }

function beforeAfter(before, after) { return figure(before) + ' → ' + figure(after); }

const login = new Login({
  words: {
    vi: { forbidden: 'Tài khoản này không được làm việc này: chỉ người soạn quy tắc được xem ảnh hưởng.' },
    en: { forbidden: 'This account may not do this: only rule authors see a change\'s impact.' }
  },
  start: async () => {
    // one call first: a wrong password then counts once against the login throttle
    versions = await (await login.call('/api/rules/versions')).json();
    activeVersion = (await (await login.call('/api/rules')).json()).version;
  },
  forget: () => {
    versions = [];
    activeVersion = null;
    compared = null;
    report = null;
    selected = null;
    pageMessage = null;
  },
  changed: () => render()
});

function refused(refusal) {
  if (!login.refused(refusal)) { pageMessage = refusal; }
}

/** What to compare with the active set, as chosen: the files kept as they were picked, or a version. */
function choice() {
  if (document.querySelector('input[name=what]:checked').value === 'files') {
    const files = [...document.getElementById('files').files];
    return files.length ? { files } : { missing: 'chooseFiles' };
  }
  const version = document.getElementById('version').value;
  return version ? { version } : { missing: 'chooseVersion' };
}

function impactUrl(what, level) {
  const query = new URLSearchParams(what.version ? { version: what.version } : {});
  if (level) { query.set('level', level); }
  return '/api/rules/impact' + (query.toString() ? '?' + query : '');
}

function body(what) {
  if (!what.files) { return null; }
  const form = new FormData();
  what.files.forEach(file => form.append('files', file, file.name));
  return form;
}

async function showImpact(event) {
  event.preventDefault();
  const what = choice();
  if (what.missing) {
    pageMessage = { text: () => t(what.missing) };
    render();
    return;
  }
  busy = true;
  render();
  try {
    report = await (await login.call(impactUrl(what), { method: 'POST', body: body(what) })).json();
    compared = what;
    selected = null;
    pageMessage = null;
  } catch (refusal) {
    refused(refusal);
  } finally {
    busy = false;
    render();
  }
}

// The API's CSV for what the page shows, saved as a file; the same screening, run again now.
async function download(level) {
  try {
    const response = await login.call(impactUrl(compared, level), { method: 'POST', body: body(compared),
      accept: 'text/csv' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `greenlane-impact-${level}.csv`;
    link.click();
    // the download has read the blob long before
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  } catch (refusal) {
    refused(refusal);
    render();
  }
}

// The API sorts suspensions, new blockers and moving workers first; a finding alone changes an application too.
function affected(application) {
  return application.losing.length + application.gaining.length + application.findingsAdded.length
    + application.findingsRemoved.length > 0;
}

function render() {
  login.render(language);
  document.getElementById('compare').hidden = login.user === null;
  document.getElementById('error').textContent = pageMessage ? pageMessage.text(language) : '';
  document.getElementById('busy').hidden = !busy;
  ['preview', 'csv-applications', 'csv-workers'].forEach(id => { document.getElementById(id).disabled = busy; });
  renderVersions();
  document.getElementById('results').hidden = report === null;
  if (report) { renderReport(); }
}

function renderVersions() {
  const select = document.getElementById('version');
  const chosen = select.value;
  select.replaceChildren(...versions.filter(v => v.version !== activeVersion).map(v => {
    const option = document.createElement('option');
    option.value = v.version;
    option.textContent = [`v${v.version}`, dateTime(v.lastActivatedAt || v.createdAt), v.createdBy, v.comment]
      .filter(Boolean).join(' — ');
    return option;
  }));
  if (chosen) { select.value = chosen; }
}

function renderReport() {
  const province = report.province;
  const what = compared.files ? t('draft')(report.compared) : report.compared;
  document.getElementById('summary').textContent = t('summary')(what, report.active, dateTime(report.screenedAt));
  document.getElementById('eligible').textContent = beforeAfter(province.eligibleBefore, province.eligibleAfter);
  document.getElementById('losing').textContent = number(province.workersLosing);
  document.getElementById('gaining').textContent = number(province.workersGaining);
  document.getElementById('approved').textContent = beforeAfter(province.approvedBefore, province.approvedAfter);
  document.getElementById('approved-drop').textContent = number(province.approvedBefore - province.approvedAfter);
  document.getElementById('affected').textContent = number(province.enterprisesAffected) + ' / '
    + number(province.enterprises);
  document.getElementById('new-blockers').textContent = number(province.newBlockers);
  document.getElementById('suspensions').textContent = number(province.suspensions);
  document.querySelector('#parks tbody').replaceChildren(...report.parks.map(park => row(cell(park.name),
    cell(number(park.totals.enterprisesAffected) + ' / ' + number(park.totals.enterprises)),
    cell(beforeAfter(park.totals.eligibleBefore, park.totals.eligibleAfter)), cell(number(park.totals.workersLosing)),
    cell(number(park.totals.workersGaining)), cell(beforeAfter(park.totals.approvedBefore, park.totals.approvedAfter)),
    cell(number(park.totals.newBlockers)), cell(number(park.totals.suspensions)))));
  const changed = report.applications.filter(affected);
  document.getElementById('applications-note').textContent = t('shown')(number(Math.min(SHOWN, changed.length)),
    number(changed.length), number(report.applications.length));
  fill(document.getElementById('applications'), changed.slice(0, SHOWN).map(applicationRow), t('none'));
  renderDetail(report.applications.find(application => application.id === selected));
}

function applicationRow(application) {
  const open = buttonCell(application.enterpriseName, () => { selected = application.id; render(); });
  const suspended = application.statusAfter === 'SUSPENDED';
  return itemRow(application.id, selected, open, cell(application.park, 'text'),
    cell(t('statuses')[application.status] || application.status, 'text'),
    cell(beforeAfter(application.eligibleBefore, application.eligibleAfter)),
    cell(beforeAfter(application.approvedBefore, application.approvedAfter)),
    cell(application.newBlockers.map(finding => finding.code).join(' '), 'text'),
    cell(suspended ? t('wouldBeSuspended') : '', 'text suspended'));
}

function renderDetail(application) {
  document.getElementById('detail').hidden = !application;
  if (!application) { return; }
  document.getElementById('detail-title').textContent = `${application.enterpriseName} — ${application.park} `
    + `(${application.taxCode}, ${application.id})`;
  const workerRow = worker => row(cell(worker.citizenId), cell(worker.fullName, 'text'),
    cell(worker.reasonsBefore.join(' '), 'text'), cell(worker.reasonsAfter.join(' '), 'text'));
  fill(document.getElementById('workers-losing'), application.losing.map(workerRow), t('none'));
  fill(document.getElementById('workers-gaining'), application.gaining.map(workerRow), t('none'));
  const findingRows = findings => findings.map(finding => findingRow(finding, language));
  fill(document.getElementById('findings-added'), findingRows(application.findingsAdded), t('none'));
  fill(document.getElementById('findings-removed'), findingRows(application.findingsRemoved), t('none'));
}

setUpLanguage(TEXT, render);
document.getElementById('choice').addEventListener('submit', showImpact);
document.getElementById('files').addEventListener('change', () => {
  document.querySelector('input[name=what][value=files]').checked = true;
});
document.getElementById('version').addEventListener('change', () => {
  document.querySelector('input[name=what][value=version]').checked = true;
});
document.getElementById('csv-applications').addEventListener('click', () => download('applications'));
document.getElementById('csv-workers').addEventListener('click', () => download('workers'));
render();
