// The printable page of a permit (/api/applications/{id}/permit/print), read with the browser's own login.
import { language, setUpLanguage } from '/language.js';
import { printedPermit } from '/printed-permit.js';

const PRINT = { vi: 'In', en: 'Print' };

const applicationId = decodeURIComponent(location.pathname.split('/')[3]);
let application = null;

function render() {
  document.getElementById('print').textContent = PRINT[language];
  if (application) {
    // the QR codes' own addresses: the browser sends its login along
    document.getElementById('permit').replaceChildren(...printedPermit(application, language, address => address));
  }
}

setUpLanguage(null, render);
document.getElementById('print').addEventListener('click', () => window.print());
render();
fetch('/api/applications/' + encodeURIComponent(applicationId), { headers: { Accept: 'application/json' } })
  .then(response => response.json()).then(body => { application = body; render(); });
