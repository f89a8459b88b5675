// An enterprise's page: the roster template, sending the filled workbook or its correction, and following each of
// its applications: status, every group's verdict and comment, each worker's verdict and reasons, the timeline, and
// the permit with its shuttle passes to print. The page holds no data; the API decides who may see what.
import { FINDING_WORDS, findingRow, message } from '/findings.js';
import { number as formatNumber, time as formatTime } from '/formats.js';
import { language, setUpLanguage } from '/language.js';
import { Login } from '/login.js';
import { printedPermit } from '/printed-permit.js';
import { buttonCell, cell, fill, itemRow, row, setText } from '/tables.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The applications listed, the most recently changed first: an enterprise has a few.
const LISTED = 50;
const GROUPS = ['health', 'housing', 'labour', 'transport'];

const TEXT = {
  vi: {
    ...FINDING_WORDS.vi,
    title: 'Hồ sơ khôi phục sản xuất của doanh nghiệp',
    intro: 'Tải mẫu bảng tính, điền danh sách lao động, nơi ở, xe đưa đón và phương án y tế rồi nộp tại đây; theo dõi '
      + 'kết quả sàng lọc, ý kiến của từng tổ công tác, và in giấy phép cùng thẻ xe đưa đón.',
    send: 'Nộp hồ sơ', template: 'Tải mẫu bảng tính (.xlsx)',
    templateNote: 'Điền bằng Excel hoặc LibreOffice; mỗi lỗi được chỉ ra tại ô của nó.',
    workbook: 'Bảng tính đã điền', submit: 'Nộp', cell: 'Ô', problem: 'Lỗi',
    applications: 'Hồ sơ của doanh nghiệp', refresh: 'Làm mới', application: 'Mã hồ sơ', status: 'Trạng thái',
    workers: 'Lao động', submittedAt: 'Nộp lúc', updatedAt: 'Cập nhật lúc',
    correction: 'Nộp bản sửa', correctedWorkbook: 'Bảng tính đã sửa', sendCorrection: 'Nộp bản sửa',
    reviews: 'Ý kiến các tổ công tác', group: 'Tổ', verdict: 'Kết luận', comment: 'Ý kiến',
    decidedBy: 'Người quyết định', decidedAt: 'Lúc', findings: 'Kết quả sàng lọc', code: 'Mã',
    severity: 'Mức độ', subject: 'Đối tượng', message: 'Nội dung', roster: 'Người lao động', citizenId: 'Số CCCD',
    fullName: 'Họ và tên', reasons: 'Lý do', timeline: 'Diễn biến', at: 'Lúc', event: 'Sự kiện',
    actor: 'Người thực hiện', eventDetail: 'Chi tiết', permit: 'Giấy phép', printPermit: 'In giấy phép và thẻ xe',
    printNote: 'Bản in chỉ gồm giấy phép và các thẻ xe, mỗi thứ một mã QR.', none: 'Không có',
    eligible: 'Đủ điều kiện', ineligible: 'Không đủ điều kiện',
    listed: (shown, all) => `${shown} trong ${all} hồ sơ, hồ sơ thay đổi gần nhất trước.`,
    facts: (id, revision, submitted, updated) => `Mã hồ sơ ${id} · lần nộp ${revision} · nộp lúc ${submitted} · `
      + `cập nhật lúc ${updated} (giờ Việt Nam).`,
    screened: (eligible, all, version, at) => `${eligible} / ${all} lao động đủ điều kiện theo bộ quy tắc ${version}, `
      + `sàng lọc lúc ${at}.`,
    notScreened: 'Chưa sàng lọc.',
    sent: id => `Đã nộp: hồ sơ ${id}.`,
    alreadySent: id => `Bảng tính này đã được nộp: vẫn là hồ sơ ${id}, không có hồ sơ mới.`,
    corrected: id => `Đã nộp bản sửa của hồ sơ ${id}: hồ sơ được sàng lọc lại.`,
    chooseFile: 'Hãy chọn bảng tính đã điền (.xlsx).', sending: 'Đang gửi…', loading: 'Đang tải…',
    statuses: { SCREENING: 'Đang sàng lọc', NEEDS_CORRECTION: 'Cần bổ sung', UNDER_REVIEW: 'Đang thẩm định',
      AWAITING_DECISION: 'Chờ Ban chỉ đạo quyết định', APPROVED: 'Đã cấp phép', REJECTED: 'Bị từ chối',
      EXPIRED: 'Hết hạn bổ sung', SUSPENDED: 'Tạm dừng', REVOKED: 'Đã thu hồi giấy phép' },
    next: {
      SCREENING: 'Hồ sơ đang được sàng lọc; hãy làm mới sau ít phút.',
      NEEDS_CORRECTION: 'Hãy sửa bảng tính theo các lỗi chặn và ý kiến của các tổ, rồi nộp bản sửa trong 14 ngày.',
      UNDER_REVIEW: 'Các tổ y tế, nhà ở, lao động và vận chuyển đang thẩm định hồ sơ.',
      AWAITING_DECISION: 'Các tổ đã thẩm định xong; Ban chỉ đạo sẽ quyết định.',
      APPROVED: 'Doanh nghiệp được hoạt động: hãy in giấy phép và thẻ xe đưa đón.',
      REJECTED: 'Hồ sơ bị từ chối; xem ý kiến của các tổ.',
      EXPIRED: 'Quá 14 ngày không nộp bản sửa; hãy nộp hồ sơ mới.',
      SUSPENDED: 'Doanh nghiệp tạm dừng hoạt động (ca nhiễm hoặc quy định mới) cho đến khi được cho hoạt động lại.',
      REVOKED: 'Giấy phép đã bị thu hồi.' },
    verdicts: { PENDING: 'Chờ thẩm định', APPROVED: 'Đồng ý', CHANGES_REQUESTED: 'Yêu cầu bổ sung',
      REJECTED: 'Từ chối' },
    events: { SUBMITTED: 'Nộp hồ sơ', SCREENED: 'Sàng lọc', STATUS: 'Trạng thái', DECISION: 'Ý kiến của tổ',
      CORRECTED: 'Nộp bản sửa', ESCALATED: 'Thẩm định quá hạn', RESCREENED: 'Sàng lọc lại theo quy tắc mới',
      INCIDENT_REPORTED: 'Báo ca nhiễm', INCIDENT_EXTENDED: 'Bổ sung ca nhiễm', INCIDENT_RESUME: 'Cho hoạt động lại',
      INCIDENT_REVOKE: 'Thu hồi giấy phép', RULE_BLOCKER_RESUME: 'Cho hoạt động lại theo quy tắc mới',
      RULE_BLOCKER_REVOKE: 'Thu hồi giấy phép theo quy tắc mới', PERMIT_ISSUED: 'Cấp giấy phép',
      PERMIT_REISSUED: 'Cấp lại giấy phép', PERMIT_RECOUNTED: 'Đếm lại lao động được duyệt',
      TESTS_ADDED: 'Gửi kết quả xét nghiệm' }
  },
  en: {
    ...FINDING_WORDS.en,
    title: 'An enterprise\'s restart applications',
    intro: 'Download the workbook template, fill in the workers, lodging, shuttles and medical plan, and send it here; '
      + 'follow the screening, each working group\'s verdict, and print the permit with its shuttle passes.',
    send: 'Send an application', template: 'Download the workbook template (.xlsx)',
    templateNote: 'Fill it in with Excel or LibreOffice; each mistake is named at its cell.',
    workbook: 'Filled workbook', submit: 'Send', cell: 'Cell', problem: 'Problem',
    applications: 'The enterprise\'s applications', refresh: 'Refresh', application: 'Application',
    status: 'Status', workers: 'Workers', submittedAt: 'Submitted', updatedAt: 'Updated',
    correction: 'Send the correction', correctedWorkbook: 'Corrected workbook', sendCorrection: 'Send the correction',
    reviews: 'The working groups\' verdicts', group: 'Group', verdict: 'Verdict', comment: 'Comment',
    decidedBy: 'Decided by', decidedAt: 'At', findings: 'Screening', code: 'Code', severity: 'Severity',
    subject: 'Subject', message: 'Message', roster: 'Workers', citizenId: 'Citizen ID', fullName: 'Full name',
    reasons: 'Reasons', timeline: 'Timeline', at: 'At', event: 'Event', actor: 'By', eventDetail: 'Detail',
    permit: 'Permit', printPermit: 'Print the permit and shuttle passes',
    printNote: 'The print holds the permit and the shuttle passes alone, each with its QR code.', none: 'None',
    eligible: 'Eligible', ineligible: 'Not eligible',
    listed: (shown, all) => `${shown} of ${all} applications, the most recently changed first.`,
    facts: (id, revision, submitted, updated) => `Application ${id} · revision ${revision} · submitted ${submitted} · `
      + `updated ${updated} (Vietnam time).`,
    screened: (eligible, all, version, at) => `${eligible} / ${all} workers eligible under rule set ${version}, `
      + `screened ${at}.`,
    notScreened: 'Not screened yet.',
    sent: id => `Sent: application ${id}.`,
    alreadySent: id => `This workbook was sent before: it is still application ${id}, no new one.`,
    corrected: id => `The correction of application ${id} is sent: it is screened again.`,
    chooseFile: 'Choose the filled workbook (.xlsx).', sending: 'Sending…', loading: 'Loading…',
    statuses: { SCREENING: 'Being screened', NEEDS_CORRECTION: 'Needs correction', UNDER_REVIEW: 'Under review',
      AWAITING_DECISION: 'Awaiting the committee\'s decision', APPROVED: 'Approved', REJECTED: 'Rejected',
      EXPIRED: 'Expired uncorrected', SUSPENDED: 'Suspended', REVOKED: 'Permit revoked' },
    next: {
      SCREENING: 'The application is being screened; refresh in a minute.',
      NEEDS_CORRECTION: 'Correct the workbook for the blockers and the groups\' comments, and send the correction '
        + 'within 14 days.',
      UNDER_REVIEW: 'The health, housing, labour and transport groups are reviewing the application.',
      AWAITING_DECISION: 'The groups have reviewed it; the steering committee decides.',
      APPROVED: 'The enterprise may operate: print the permit and the shuttle passes.',
      REJECTED: 'The application is rejected; read the groups\' comments.',
      EXPIRED: 'No correction came within 14 days; send a new application.',
      SUSPENDED: 'The enterprise is suspended (an infection case or a new rule) until it is allowed to resume.',
      REVOKED: 'The permit is revoked.' },
    verdicts: { PENDING: 'Pending', APPROVED: 'Approved', CHANGES_REQUESTED: 'Changes requested',
      REJECTED: 'Rejected' },
    events: { SUBMITTED: 'Submitted', SCREENED: 'Screened', STATUS: 'Status', DECISION: 'Group decision',
      CORRECTED: 'Correction sent', ESCALATED: 'Review overdue', RESCREENED: 'Re-screened under new rules',
      INCIDENT_REPORTED: 'Infection case reported', INCIDENT_EXTENDED: 'Infection case extended',
      INCIDENT_RESUME: 'Allowed to resume', INCIDENT_REVOKE: 'Permit revoked',
      RULE_BLOCKER_RESUME: 'Allowed to resume under the new rules', RULE_BLOCKER_REVOKE: 'Revoked under the new rules',
      PERMIT_ISSUED: 'Permit issued', PERMIT_REISSUED: 'Permit re-issued',
      PERMIT_RECOUNTED: 'Approved workers recounted', TESTS_ADDED: 'Test results sent' }
  }
};

// The API's page of the enterprise's applications, and the one opened: its status view, its roster's verdicts
// and its QR codes as object URLs (address → URL), fetched with the login's header.
let listed = null;
let selected = null;
let detail = null;
// Each load's number: an answer that a later load overtook is dropped.
let loads = 0;
// While a load is under way: #loading shows.
let loading = false;
// The workbook chosen to send, with the Idempotency-Key of that choice: sending it again makes no second application.
let chosen = null;
// What each upload's answer says: a message (text in a language) and the server's problems at their cells.
const answers = { upload: null, correction: null };
let pageMessage = null;

function t(key) { return TEXT[language][key]; }

function number(value) { return formatNumber(value, language); }

function time(iso) { return iso ? formatTime(iso, language) : ''; }

/** A message in whatever language the page is in when it is shown. */
function say(key, ...values) {
  return { text: shown => (values.length ? TEXT[shown][key](...values) : TEXT[shown][key]) };
}

const login = new Login({
  words: {
    vi: { user: 'Mã số thuế', wrongPassword: 'Sai mã số thuế hoặc mật khẩu.',
      forbidden: 'Tài khoản này không được làm việc này: chỉ doanh nghiệp nộp và sửa hồ sơ của mình.' },
    en: { user: 'Tax code', wrongPassword: 'Wrong tax code or password.',
      forbidden: 'This account may not do this: only an enterprise sends and corrects its own applications.' }
  },
  start: async () => { listed = await list(); },
  forget: () => {
    loads++;
    loading = false;
    listed = null;
    selected = null;
    show(null);
    chosen = null;
    document.getElementById('workbook').value = '';
    document.getElementById('corrected').value = '';
    answers.upload = null;
    answers.correction = null;
    pageMessage = null;
  },
  changed: () => render()
});

// A key of the browser's own randomness: crypto.randomUUID needs HTTPS, a province's intranet may serve plain HTTP.
function idempotencyKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), byte => byte.toString(16).padStart(2, '0')).join('');
}

function applicationPath(id) { return '/api/applications/' + encodeURIComponent(id); }

async function list() {
  return (await login.call(`/api/applications?size=${LISTED}`)).json();
}

/** The application's status view, its roster's verdicts once screened, and its permit's QR codes. */
async function fetchDetail(id) {
  const view = await (await login.call(applicationPath(id))).json();
  const roster = view.screening ? await (await login.call(applicationPath(id) + '/screening')).json() : null;
  const addresses = view.permit && view.permit.token
    ? [view.permit.qrCode, ...view.permit.shuttlePasses.map(pass => pass.qrCode)] : [];
  const blobs = await Promise.all(addresses.map(async address =>
    (await login.call(address, { accept: 'image/png' })).blob()));
  return { view, roster, images: new Map(addresses.map((address, i) => [address, URL.createObjectURL(blobs[i])])) };
}

function show(next) {
  if (detail) { detail.images.forEach(url => URL.revokeObjectURL(url)); }
  detail = next;
}

/** The list again, and the opened application. */
async function load() {
  const ticket = ++loads;
  loading = true;
  render();
  try {
    const page = await list();
    const opened = selected ? await fetchDetail(selected) : null;
    if (ticket !== loads) {
      if (opened) { opened.images.forEach(url => URL.revokeObjectURL(url)); }
      return;
    }
    listed = page;
    show(opened);
    pageMessage = null;
  } catch (refusal) {
    if (ticket !== loads) { return; }
    if (!login.refused(refusal)) { pageMessage = refusal; }
  }
  loading = false;
  render();
}

function openApplication(id) {
  selected = id;
  answers.correction = null;
  load();
}

/**
 * Sends the chosen workbook and tells the answer under its form: what the sending says, or the refusal with the
 * server's problems at their cells; nothing when the refusal ended the login.
 */
async function upload(form, file, sending) {
  answers[form] = { message: say(file ? 'sending' : 'chooseFile'), errors: [] };
  render();
  if (!file) { return; }
  try {
    answers[form] = { message: await sending(file), errors: [] };
    await load();
  } catch (refusal) {
    answers[form] = login.refused(refusal) ? null : { message: refusal, errors: refusal.problem.errors || [] };
  }
  render();
}

function submit(event) {
  event.preventDefault();
  const { file, key } = chosen || {};
  upload('upload', file, async () => {
    const response = await login.call('/api/applications', { method: 'POST', body: file,
      headers: { 'Content-Type': XLSX, 'Idempotency-Key': key } });
    const accepted = await response.json();
    selected = accepted.id;
    answers.correction = null;
    return say(response.headers.get('Idempotent-Replayed') === 'true' ? 'alreadySent' : 'sent', accepted.id);
  });
}

function correct(event) {
  event.preventDefault();
  const id = selected;
  upload('correction', document.getElementById('corrected').files[0], async file => {
    await login.call(applicationPath(id), { method: 'PUT', body: file, headers: { 'Content-Type': XLSX } });
    document.getElementById('corrected').value = '';
    return say('corrected', id);
  });
}

function rows(table, made) { fill(document.getElementById(table), made, t('none')); }

function statusWords(status) { return t('statuses')[status] || status; }

function render() {
  login.render(language);
  document.getElementById('account').hidden = login.user === null;
  setText('error', pageMessage ? pageMessage.text(language) : '');
  document.getElementById('loading').hidden = !loading;
  renderAnswer('upload', answers.upload);
  renderList();
  renderDetail();
}

function renderAnswer(name, answer) {
  setText(`${name}-message`, answer ? answer.message.text(language) : '');
  const errors = answer ? answer.errors : [];
  document.getElementById(`${name}-errors`).hidden = !errors.length;
  rows(`${name}-errors`, errors.map(error => row(cell(error.field), cell(error.message))));
}

function renderList() {
  const applications = listed ? listed.content : [];
  setText('listed', listed ? t('listed')(number(applications.length), number(listed.totalElements)) : '');
  rows('applications', applications.map(application => itemRow(application.id, selected,
    buttonCell(application.id, () => openApplication(application.id)), cell(statusWords(application.status)),
    cell(number(application.workerCount), 'number'), cell(time(application.submittedAt)),
    cell(time(application.updatedAt)))));
}

function renderDetail() {
  const view = detail ? detail.view : null;
  const permit = view && view.permit && view.permit.token ? view.permit : null;
  document.getElementById('detail').hidden = !view;
  document.getElementById('permit-actions').hidden = !permit;
  document.getElementById('permit').hidden = !permit;
  if (!view) { return; }
  setText('detail-title', `${view.enterprise.name} — ${view.enterprise.industrialPark}`);
  setText('detail-status', statusWords(view.status));
  document.getElementById('detail-status').dataset.status = view.status;
  setText('detail-next', t('next')[view.status] || '');
  setText('detail-facts', t('facts')(view.id, number(view.revision), time(view.submittedAt), time(view.updatedAt)));
  document.getElementById('correction').hidden = view.status !== 'NEEDS_CORRECTION';
  renderAnswer('correction', answers.correction);
  const reviews = [...GROUPS.map(group => [group, view.reviews[group]]), ['steering', view.steering]];
  rows('reviews', reviews.map(([group, review]) => row(cell(t('groups')[group]),
    cell(t('verdicts')[review.status] || review.status), cell(review.comment || ''), cell(review.decidedBy || ''),
    cell(time(review.decidedAt)))));
  renderScreening(view.screening, detail.roster);
  rows('timeline', view.timeline.map(event => row(cell(time(event.at)), cell(t('events')[event.type] || event.type),
    cell(event.actor || ''), cell(event.type === 'STATUS' ? statusWords(event.detail) : event.detail || ''))));
  document.getElementById('permit').replaceChildren(...(permit
    ? printedPermit(view, language, address => detail.images.get(address)) : []));
}

function renderScreening(screening, roster) {
  setText('screening-summary', screening ? t('screened')(number(screening.eligibleCount),
    number(screening.workerCount), screening.ruleSetVersion, time(screening.screenedAt)) : t('notScreened'));
  rows('findings', (screening ? screening.findings : []).map(finding => findingRow(finding, language)));
  const meaning = new Map((screening ? screening.workerReasons : []).map(reason => [reason.code,
    message(reason, language)]));
  rows('workers', (roster ? roster.workers : []).map(worker => {
    const reasons = cell('');
    reasons.append(...worker.reasons.map(code => {
      const line = document.createElement('div');
      line.textContent = meaning.has(code) ? `${code}: ${meaning.get(code)}` : code;
      return line;
    }));
    return row(cell(worker.citizenId), cell(worker.fullName),
      cell(worker.eligible ? t('eligible') : t('ineligible'), worker.eligible ? '' : 'ineligible'), reasons);
  }));
}

setUpLanguage(TEXT, render);
document.getElementById('workbook').addEventListener('change', event => {
  const file = event.target.files[0];
  chosen = file ? { file, key: idempotencyKey() } : null;
});
document.getElementById('upload').addEventListener('submit', submit);
document.getElementById('correct').addEventListener('submit', correct);
document.getElementById('refresh').addEventListener('click', load);
document.getElementById('print-permit').addEventListener('click', () => window.print());
render();
