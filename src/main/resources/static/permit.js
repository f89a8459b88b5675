// The permit to print: its QR code and one pass per shuttle, each a QR code a checkpoint scans (/verify).
const TEXT = {
  vi: {
    title: 'Giấy phép hoạt động luồng xanh', print: 'In', number: 'Số giấy phép', enterprise: 'Doanh nghiệp',
    park: 'Khu công nghiệp', approvedWorkers: 'Lao động được duyệt', plates: 'Xe đưa đón', validFrom: 'Cấp lúc',
    expiresAt: 'Hết hạn', ruleSet: 'Bộ quy tắc', passes: 'Thẻ xe đưa đón', driver: 'Lái xe', seats: 'chỗ',
    howTo: 'Chốt kiểm soát quét mã QR bằng điện thoại. Giấy phép hết hạn nếu doanh nghiệp không gửi kết quả xét '
      + 'nghiệm lại; mỗi lần cấp lại, hãy in giấy phép mới.',
    status: { SUSPENDED: 'ĐANG TẠM DỪNG: giấy phép không có giá trị cho đến khi được cho hoạt động lại.',
      REVOKED: 'ĐÃ THU HỒI: giấy phép không còn giá trị.' }
  },
  en: {
    title: 'Green-lane operating permit', print: 'Print', number: 'Permit number', enterprise: 'Enterprise',
    park: 'Industrial park', approvedWorkers: 'Approved workers', plates: 'Shuttles', validFrom: 'Issued',
    expiresAt: 'Expires', ruleSet: 'Rule set', passes: 'Shuttle passes', driver: 'Driver', seats: 'seats',
    howTo: 'Checkpoints scan the QR codes with a phone. The permit expires unless the enterprise posts its '
      + 're-test results; print it again whenever it is re-issued.',
    status: { SUSPENDED: 'SUSPENDED: the permit does not hold until the enterprise is allowed to resume.',
      REVOKED: 'REVOKED: the permit no longer holds.' }
  }
};
const LOCALE = { vi: 'vi-VN', en: 'en-US' };
// Times as each language writes them (09:00 27/06/2021; Jun 27, 2021, 9:00 AM), in the province's time.
const TIME_STYLE = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh' },
  en: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh' }
};

let language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
// Served at /api/applications/{id}/permit/print
const applicationId = decodeURIComponent(location.pathname.split('/')[3]);
let application = null;

function t(key) { return TEXT[language][key]; }

function time(iso) { return new Date(iso).toLocaleString(LOCALE[language], TIME_STYLE[language]); }

function number(value) { return value.toLocaleString(LOCALE[language]); }

// Text only, never markup: names, plates and drivers come from the applicant.
function show(id, text) { document.getElementById(id).textContent = text; }

function element(tag, text, className = '') {
  const made = document.createElement(tag);
  made.textContent = text;
  made.className = className;
  return made;
}

function qr(src) {
  const image = document.createElement('img');
  image.className = 'qr';
  image.alt = 'QR';
  image.src = src;
  return image;
}

function render() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  if (!application) { return; }
  const permit = application.permit;
  show('state', t('status')[application.status] || '');
  document.getElementById('permit-qr').src = permit.qrCode;
  show('number', permit.number);
  show('enterprise', application.enterprise.name + ' (' + application.enterprise.taxCode + ')');
  show('park', application.enterprise.industrialPark);
  show('approved-workers', number(permit.approvedWorkers));
  show('plates', permit.shuttlePasses.map(pass => pass.plate).join(', '));
  show('valid-from', time(permit.validFrom));
  show('expires-at', time(permit.expiresAt));
  show('rule-set', permit.ruleSetVersion);
  document.getElementById('passes').replaceChildren(...permit.shuttlePasses.map(pass => {
    const card = element('div', '', 'pass');
    card.append(element('strong', pass.plate), element('div', application.enterprise.name),
      element('div', t('driver') + ': ' + pass.driver), element('div', number(pass.seats) + ' ' + t('seats')),
      element('div', permit.number + ' · ' + t('expiresAt') + ' ' + time(permit.expiresAt)), qr(pass.qrCode));
    return card;
  }));
}

document.getElementById('lang-vi').addEventListener('click', () => { language = 'vi'; render(); });
document.getElementById('lang-en').addEventListener('click', () => { language = 'en'; render(); });
document.getElementById('print').addEventListener('click', () => window.print());
render();
fetch('/api/applications/' + encodeURIComponent(applicationId), { headers: { Accept: 'application/json' } })
  .then(response => response.json()).then(body => { application = body; render(); });
