// The screening's findings, listed alike by the enterprise's page and the rule authors' impact page.
import { cell, row } from '/tables.js';

// The enterprise's page also names the groups of its reviews with them, the steering committee's too.
export const FINDING_WORDS = {
  vi: {
    severities: { BLOCKER: 'Chặn', WARNING: 'Cảnh báo', INFO: 'Thông tin' },
    groups: { health: 'Y tế', housing: 'Nhà ở', labour: 'Lao động', transport: 'Vận chuyển', steering: 'Ban chỉ đạo' }
  },
  en: {
    severities: { BLOCKER: 'Blocker', WARNING: 'Warning', INFO: 'Info' },
    groups: { health: 'Health', housing: 'Housing', labour: 'Labour', transport: 'Transport',
      steering: 'Steering committee' }
  }
};

/** A finding's or a worker reason's message in the language: the API sends both. */
export function message(item, language) { return language === 'vi' ? item.messageVi : item.messageEn; }

/** Code, severity, group, subject and message; a severity or group without words shows as the API names it. */
export function findingRow(finding, language) {
  const words = FINDING_WORDS[language];
  return row(cell(finding.code), cell(words.severities[finding.severity] || finding.severity, 'text'),
    cell(words.groups[finding.group] || finding.group, 'text'), cell(finding.subject || '', 'text'),
    cell(message(finding, language), 'text'));
}
