import * as formats from '/formats.js';
import { language, setUpLanguage } from '/language.js';
import { setText } from '/tables.js';

// A checkpoint scans a permit's or a shuttle pass's QR code: this page sends its token to the server and shows the
// verdict big enough to read from a car window.
const TEXT = {
  vi: {
    title: 'Kiểm tra giấy phép luồng xanh', enterprise: 'Doanh nghiệp', park: 'Khu công nghiệp', plate: 'Biển số xe',
    driver: 'Lái xe', seats: 'Số chỗ', plates: 'Xe đưa đón', approvedWorkers: 'Lao động được duyệt',
    number: 'Số giấy phép', expiresAt: 'Hết hạn', checkedAt: 'Kiểm tra lúc',
    VALID: 'HỢP LỆ', REPLACED: 'ĐÃ THAY THẾ', EXPIRED: 'HẾT HẠN', SUSPENDED: 'TẠM DỪNG', REVOKED: 'ĐÃ THU HỒI',
    FORGED: 'GIẢ MẠO', WAITING: 'ĐANG KIỂM TRA…', NO_TOKEN: 'KHÔNG CÓ MÃ', UNCHECKED: 'CHƯA KIỂM TRA ĐƯỢC',
    why: {
      VALID: 'Giấy phép đang có hiệu lực.',
      REPLACED: 'Doanh nghiệp đã được cấp giấy phép mới hơn; giấy này không còn giá trị.',
      EXPIRED: 'Giấy phép đã hết hạn: doanh nghiệp cần xét nghiệm lại và in giấy phép mới.',
      SUSPENDED: 'Doanh nghiệp đang bị tạm dừng hoạt động (ca nhiễm hoặc quy định mới).',
      REVOKED: 'Giấy phép đã bị thu hồi.',
      FORGED: 'Mã này không do Greenlane cấp, hoặc đã bị sửa.',
      WAITING: '', NO_TOKEN: 'Hãy quét mã QR trên giấy phép hoặc thẻ xe.',
      UNCHECKED: 'Không liên lạc được với máy chủ; hãy thử lại.'
    }
  },
  en: {
    title: 'Green-lane permit check', enterprise: 'Enterprise', park: 'Industrial park', plate: 'Plate',
    driver: 'Driver', seats: 'Seats', plates: 'Shuttles', approvedWorkers: 'Approved workers',
    number: 'Permit number', expiresAt: 'Expires', checkedAt: 'Checked at',
    VALID: 'VALID', REPLACED: 'REPLACED', EXPIRED: 'EXPIRED', SUSPENDED: 'SUSPENDED', REVOKED: 'REVOKED',
    FORGED: 'FORGED', WAITING: 'CHECKING…', NO_TOKEN: 'NO CODE', UNCHECKED: 'NOT CHECKED',
    why: {
      VALID: 'The permit is in force.',
      REPLACED: 'The enterprise has been issued a newer permit; this one no longer counts.',
      EXPIRED: 'The permit has expired: the enterprise must re-test its workers and print a new one.',
      SUSPENDED: 'The enterprise is suspended (an infection case or a new rule).',
      REVOKED: 'The permit has been revoked.',
      FORGED: 'Greenlane did not issue this code, or it was altered.',
      WAITING: '', NO_TOKEN: 'Scan the QR code on the permit or the shuttle pass.',
      UNCHECKED: 'The server could not be reached; try again.'
    }
  }
};
const token = new URLSearchParams(location.search).get('t');
// WAITING until the server answers; then a verdict, or NO_TOKEN / UNCHECKED when there is none.
let state = token ? 'WAITING' : 'NO_TOKEN';
let verdict = null;

function t(key) { return TEXT[language][key]; }

function time(iso) { return formats.time(iso, language); }

function number(value) { return formats.number(value, language); }

function render() {
  const box = document.getElementById('verdict');
  box.className = state;
  box.dataset.result = state;
  setText('result', t(state));
  setText('explanation', t('why')[state]);
  const permit = verdict && verdict.permit;
  document.getElementById('details').hidden = !permit;
  if (!permit) { return; }
  const pass = permit.kind === 'SHUTTLE_PASS';
  document.querySelectorAll('.pass').forEach(element => { element.hidden = !pass; });
  document.querySelectorAll('.permit').forEach(element => { element.hidden = pass; });
  setText('enterprise', permit.enterprise + ' (' + permit.taxCode + ')');
  setText('park', permit.park);
  setText('number', permit.number);
  setText('expires-at', time(permit.expiresAt));
  setText('checked-at', time(verdict.checkedAt));
  if (pass) {
    setText('plate', permit.plate);
    setText('driver', permit.driver);
    setText('seats', number(permit.seats));
  } else {
    setText('plates', permit.plates.join(', '));
    setText('approved-workers', number(permit.approvedWorkers));
  }
}

async function check() {
  try {
    const response = await fetch('/api/permits/verify', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token })
    });
    if (response.status === 400) {
      // Not even shaped like a token: nothing Greenlane issued.
      state = 'FORGED';
    } else if (response.ok) {
      verdict = await response.json();
      state = verdict.result;
    } else {
      state = 'UNCHECKED';
    }
  } catch (unreachable) {
    state = 'UNCHECKED';
  }
  render();
}

setUpLanguage(TEXT, render);
render();
if (token) { check(); }
