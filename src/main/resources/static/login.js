// The in-page login of the pages that act as a user (/rules/impact, /enterprise): the credentials stay in this tab's
// memory, no cookie and no storage, and go as a Basic header on the page's own calls only. It fills the page's empty
// form #login (#user, #password, #log-in, #login-error) and #session (#who, #log-out).
const TEXT = {
  vi: {
    user: 'Tên đăng nhập', password: 'Mật khẩu', logIn: 'Đăng nhập', loggedInAs: 'Đã đăng nhập:', logOut: 'Đăng xuất',
    wrongPassword: 'Sai tên đăng nhập hoặc mật khẩu.',
    wait: seconds => `Đăng nhập sai quá nhiều lần: hãy chờ ${seconds} giây rồi thử lại.`,
    failed: status => `Máy chủ từ chối (${status}).`, unreachable: 'Không kết nối được máy chủ.'
  },
  en: {
    user: 'User', password: 'Password', logIn: 'Log in', loggedInAs: 'Logged in as', logOut: 'Log out',
    wrongPassword: 'Wrong user or password.',
    wait: seconds => `Too many wrong passwords: wait ${seconds} s, then try again.`,
    failed: status => `The server refused (${status}).`, unreachable: 'The server cannot be reached.'
  }
};

/** What the server answered instead of the data: its status, its problem (RFC 7807) and any Retry-After. */
export class Refusal {
  constructor(status, problem, retryAfter, words) {
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.words = words;
  }

  /** What the status means, in the language, then the server's own title and detail. */
  text(language) {
    const words = this.words[language];
    const lead = { 0: () => words.unreachable, 401: () => words.wrongPassword, 403: () => words.forbidden,
      429: () => words.wait(this.retryAfter) }[this.status] || (() => words.failed(this.status));
    const server = [this.problem.title, this.problem.detail].filter(Boolean).join(': ');
    return [lead(), server].filter(Boolean).join(' — ');
  }
}

// The login's own words are marked data-login, to be set in the page's language.
function element(tag, word, attributes = {}) {
  const made = Object.assign(document.createElement(tag), attributes);
  if (word) { made.dataset.login = word; }
  return made;
}

function labelled(word, input) {
  const label = document.createElement('label');
  label.append(element('span', word), ' ', input);
  return label;
}

// UTF-8, as the server reads Basic credentials: btoa alone refuses a password with Vietnamese letters.
function basic(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

export class Login {
  #credentials = null;

  /**
   * @param words   the page's words over the login's own, by language: forbidden, what a 403 means there, at least
   * @param start   the page's first calls as the user, made once the form is sent: a wrong password counts once
   * @param forget  drops what the page holds of the user
   * @param changed draws the page again
   */
  constructor({ words, start, forget, changed }) {
    this.words = { vi: { ...TEXT.vi, ...words.vi }, en: { ...TEXT.en, ...words.en } };
    this.start = start;
    this.forget = forget;
    this.changed = changed;
    // null until the first calls succeed
    this.user = null;
    // the refusal that ended the last login, shown under the form
    this.message = null;
    const form = document.getElementById('login');
    form.autocomplete = 'off';
    form.replaceChildren(labelled('user', element('input', '', { id: 'user', required: true })),
      labelled('password', element('input', '', { id: 'password', type: 'password', required: true })),
      element('button', 'logIn', { id: 'log-in', type: 'submit' }),
      element('p', '', { id: 'login-error', className: 'error' }));
    document.getElementById('login-error').setAttribute('role', 'alert');
    form.addEventListener('submit', event => this.#logIn(event));
    const logOut = element('button', 'logOut', { id: 'log-out', type: 'button' });
    logOut.addEventListener('click', () => {
      this.logOut();
      this.changed();
    });
    document.getElementById('session').replaceChildren(element('span', 'loggedInAs'), ' ',
      element('strong', '', { id: 'who' }), ' ', logOut);
  }

  async #logIn(event) {
    event.preventDefault();
    const password = document.getElementById('password');
    const user = document.getElementById('user').value.trim();
    this.#credentials = basic(user, password.value);
    password.value = '';
    this.message = null;
    this.changed();
    try {
      await this.start();
      this.user = user;
    } catch (refusal) {
      this.refused(refusal);
    }
    this.changed();
  }

  logOut() {
    this.#credentials = null;
    this.user = null;
    this.forget();
  }

  // credentials 'omit': the page's own header only, no cookie, and no browser login dialog on a 401.
  async call(path, { method = 'GET', body = null, accept = 'application/json', headers = {} } = {}) {
    let response;
    try {
      response = await fetch(path, { method, body, credentials: 'omit', cache: 'no-store',
        headers: { ...headers, Authorization: this.#credentials, Accept: accept + ', application/problem+json' } });
    } catch (unreachable) {
      throw new Refusal(0, {}, null, this.words);
    }
    if (!response.ok) {
      const json = (response.headers.get('Content-Type') || '').includes('json');
      throw new Refusal(response.status, json ? await response.json() : {}, response.headers.get('Retry-After'),
        this.words);
    }
    return response;
  }

  /**
   * A wrong password, the throttle, or any refusal of the first calls ends the login, to be told under the form:
   * true then. The page tells any other refusal itself.
   */
  refused(refusal) {
    if (!(refusal instanceof Refusal)) { throw refusal; }
    if (this.user !== null && refusal.status !== 401 && refusal.status !== 429) { return false; }
    this.logOut();
    this.message = refusal;
    return true;
  }

  render(language) {
    const words = this.words[language];
    document.querySelectorAll('[data-login]').forEach(node => { node.textContent = words[node.dataset.login]; });
    document.getElementById('login').hidden = this.user !== null;
    document.getElementById('login-error').textContent = this.message ? this.message.text(language) : '';
    document.getElementById('who').textContent = this.user || '';
  }
}
