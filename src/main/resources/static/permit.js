// The printable page of a permit (/api/applications/{id}/permit/print), read with the browser's own login.
import { printedPermit } from '/printed-permit.js';

const PRINT = { vi: 'In', en: 'Print' };

let language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
const applicationId = decodeURIComponent(location.pathname.split('/')[3]);
let application = null;

function render() {
  document.documentElement.lang = language;
  document.getElementById('print').textContent = PRINT[language];
  if (application) {
    // the QR codes' own addresses: the browser sends its login along
    document.getElementById('permit').replaceChildren(...printedPermit(application, language, address => address));
  }
}

document.getElementById('lang-vi').addEventListener('click', () => { language = 'vi'; render(); });
document.getElementById('lang-en').addEventListener('click', () => { language = 'en'; render(); });
document.getElementById('print').addEventListener('click', () => window.print());
render();
fetch('/api/applications/' + encodeURIComponent(applicationId), { headers: { Accept: 'application/json' } })
  .then(response => response.json()).then(body => { application = body; render(); });
