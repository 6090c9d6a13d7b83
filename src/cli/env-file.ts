/**
 * Sets KEY=value lines in the text of a .env file: a line that sets the key, or the commented example of it
 * (`# KEY=…`), becomes `KEY=value`; a key the file lacks is added at the end. Every other line stays as it was.
 */
export function setEnvValues(text: string, values: Record<string, string>): string {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}=${quoteEnvValue(value)}`;
    const set = lines.findIndex((l) => new RegExp(`^\\s*${key}=`).test(l));
    const example = lines.findIndex((l) => new RegExp(`^\\s*#\\s*${key}=`).test(l));
    if (set !== -1) lines[set] = line;
    else if (example !== -1) lines[example] = line;
    else lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** Node's .env parser ends an unquoted value at " #" or "#": quote anything that is not plain. */
export function quoteEnvValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a setting cannot span lines');
  if (/^[\w.:/@+-]*$/.test(value)) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}
