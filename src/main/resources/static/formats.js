// Numbers and times as each language writes them, times in the province's zone whatever the browser's own
// (09:00 27/06/2021; Jun 27, 2021, 9:00 AM).
// Exported too: the dashboard writes its calendar days with it, in UTC rather than the province's zone.
export const LOCALE = { vi: 'vi-VN', en: 'en-US' };
const TIME_STYLE = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh' },
  en: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh' }
};

export function number(value, language) { return value.toLocaleString(LOCALE[language]); }

export function time(iso, language) { return new Date(iso).toLocaleString(LOCALE[language], TIME_STYLE[language]); }
