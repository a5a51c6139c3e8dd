/**
 * An RFC 4180 reader written for the tests, independently of src/export/csv.ts: a state machine
 * over characters, quoted fields may hold commas, quotes ("") and line breaks.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n') throw new Error(`unexpected ${JSON.stringify(c)} outside quotes at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((cells) => {
    if (cells.length !== header!.length) throw new Error(`a row has ${cells.length} cells, the header ${header!.length}`);
    return Object.fromEntries(header!.map((h, i) => [h, cells[i]!]));
  });
}

/**
 * A list cell read as docs/open-data.md tells partners to: items separated by "; ", a backslash
 * making the next character literal. Written here, independently of the writer.
 */
export function splitListCell(cell: string): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) item += cell[++i];
    else if (c === ';' && cell[i + 1] === ' ') {
      items.push(item);
      item = '';
      i++;
    } else item += c;
  }
  items.push(item);
  return items;
}

/** A source item: `title <url>` (the last unescaped `<…>`), else a bare address or a title. */
export function readSourceItem(raw: string): { title?: string; url?: string } {
  const cut = [...raw.matchAll(/(?<!\\)(?:\\\\)* <(?=[^<]*>$)/g)].at(-1);
  const unescaped = (s: string) => s.replace(/\\(.)/g, '$1');
  if (cut && raw.endsWith('>')) {
    const at = cut.index! + cut[0].length - 2;
    return { title: unescaped(raw.slice(0, at)), url: unescaped(raw.slice(at + 2, -1)) };
  }
  const text = unescaped(raw);
  return /^https?:\/\//.test(text) ? { url: text } : { title: text };
}
