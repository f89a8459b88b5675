// Table rows and elements of text only, never markup: names, comments and messages come from applicants and
// officials, and the pages share their origin with Tasklist.

/** The text of the element with this id, as the pages set their fields and messages. */
export function setText(id, text) { document.getElementById(id).textContent = text; }

export function cell(text, className = '') {
  const td = document.createElement('td');
  td.textContent = text;
  td.className = className;
  return td;
}

export function row(...cells) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
}

/** The table's body: these rows, or one across its columns that says there are none. */
export function fill(table, rows, none) {
  if (!rows.length) {
    const nothing = cell(none);
    nothing.colSpan = table.tHead.rows[0].cells.length;
    rows = [row(nothing)];
  }
  table.tBodies[0].replaceChildren(...rows);
}

/** A cell whose text is a button drawn as a link: what opens the row's item. */
export function buttonCell(text, onClick) {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link' });
  button.textContent = text;
  button.addEventListener('click', onClick);
  const td = document.createElement('td');
  td.append(button);
  return td;
}

/** A row of a list of items: its item's id, and the class selected while that item is the one opened. */
export function itemRow(id, selected, ...cells) {
  const tr = row(...cells);
  tr.dataset.id = id;
  tr.className = id === selected ? 'selected' : '';
  return tr;
}
