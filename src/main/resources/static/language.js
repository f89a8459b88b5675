// The pages' language: Vietnamese unless the address says ?lang=en, then as the header's #lang-vi and #lang-en choose.
// Each page keeps its own words by language (its TEXT); its elements marked data-i18n show theirs.

// Exported live: a page that imports it reads the language of the moment; only the buttons change it.
export let language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';

function apply(words) {
  document.documentElement.lang = language;
  if (words) {
    document.querySelectorAll('[data-i18n]').forEach(element => {
      element.textContent = words[language][element.dataset.i18n];
    });
  }
}

/** lang and data-i18n texts from words, now and at each switch; then render redraws the rest, its Login's words too. */
export function setUpLanguage(words, render) {
  apply(words);
  ['vi', 'en'].forEach(chosen => document.getElementById('lang-' + chosen).addEventListener('click', () => {
    language = chosen;
    apply(words);
    render();
  }));
}
