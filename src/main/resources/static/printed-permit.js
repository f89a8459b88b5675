// The permit as printed: its QR code and what it says, then a pass per shuttle, each QR code one a checkpoint scans
// (/verify). Drawn by the printable page (permit.js) and the enterprise's page (enterprise.js), styled by permit.css.
import { number, time } from '/formats.js';

const TEXT = {
  vi: {
    title: 'Giấy phép hoạt động luồng xanh', number: 'Số giấy phép', enterprise: 'Doanh nghiệp',
    park: 'Khu công nghiệp', approvedWorkers: 'Lao động được duyệt', plates: 'Xe đưa đón', validFrom: 'Cấp lúc',
    expiresAt: 'Hết hạn', ruleSet: 'Bộ quy tắc', passes: 'Thẻ xe đưa đón', driver: 'Lái xe', seats: 'chỗ',
    howTo: 'Chốt kiểm soát quét mã QR bằng điện thoại. Giấy phép hết hạn nếu doanh nghiệp không gửi kết quả xét '
      + 'nghiệm lại; mỗi lần cấp lại, hãy in giấy phép mới.',
    status: { SUSPENDED: 'ĐANG TẠM DỪNG: giấy phép không có giá trị cho đến khi được cho hoạt động lại.',
      REVOKED: 'ĐÃ THU HỒI: giấy phép không còn giá trị.' }
  },
  en: {
    title: 'Green-lane operating permit', number: 'Permit number', enterprise: 'Enterprise',
    park: 'Industrial park', approvedWorkers: 'Approved workers', plates: 'Shuttles', validFrom: 'Issued',
    expiresAt: 'Expires', ruleSet: 'Rule set', passes: 'Shuttle passes', driver: 'Driver', seats: 'seats',
    howTo: 'Checkpoints scan the QR codes with a phone. The permit expires unless the enterprise posts its '
      + 're-test results; print it again whenever it is re-issued.',
    status: { SUSPENDED: 'SUSPENDED: the permit does not hold until the enterprise is allowed to resume.',
      REVOKED: 'REVOKED: the permit no longer holds.' }
  }
};

// Text only, never markup: names, plates and drivers come from the applicant.
function element(tag, text = '', attributes = {}) {
  const made = Object.assign(document.createElement(tag), attributes);
  made.textContent = text;
  return made;
}

function qr(src, attributes = {}) {
  return Object.assign(document.createElement('img'), { className: 'qr', alt: 'QR', src }, attributes);
}

/**
 * The application's permit in the language, as nodes for a container: one permit a page, as its parts have ids.
 *
 * @param qrSource the image source for the address of one of the permit's QR codes (PermitView.qrCode)
 */
export function printedPermit(application, language, qrSource) {
  const text = TEXT[language];
  const permit = application.permit;
  const enterprise = application.enterprise;
  const fields = [['number', 'number', permit.number],
    ['enterprise', 'enterprise', enterprise.name + ' (' + enterprise.taxCode + ')'],
    ['park', 'park', enterprise.industrialPark],
    ['approvedWorkers', 'approved-workers', number(permit.approvedWorkers, language)],
    ['plates', 'plates', permit.shuttlePasses.map(pass => pass.plate).join(', ')],
    ['validFrom', 'valid-from', time(permit.validFrom, language)],
    ['expiresAt', 'expires-at', time(permit.expiresAt, language)],
    ['ruleSet', 'rule-set', permit.ruleSetVersion]];
  const list = element('dl');
  fields.forEach(([label, id, value]) => list.append(element('dt', text[label]), element('dd', value, { id })));
  const section = element('section', '', { className: 'permit' });
  section.append(qr(qrSource(permit.qrCode), { id: 'permit-qr' }), list);
  const passes = element('div', '', { id: 'passes' });
  passes.append(...permit.shuttlePasses.map(pass => {
    const card = element('div', '', { className: 'pass' });
    card.append(element('strong', pass.plate), element('div', enterprise.name),
      element('div', text.driver + ': ' + pass.driver), element('div', number(pass.seats, language) + ' ' + text.seats),
      element('div', permit.number + ' · ' + text.expiresAt + ' ' + time(permit.expiresAt, language)),
      qr(qrSource(pass.qrCode)));
    return card;
  }));
  return [element('h1', text.title), element('p', text.status[application.status] || '', { id: 'state' }), section,
    element('p', text.howTo), element('h2', text.passes), passes];
}
