/**
 * What a browser would send from a server-rendered form: its inputs, checked boxes and radios, chosen
 * options and text areas, read from the HTML. Lets a test fill in a page's form as a person would.
 */

const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" };
const decode = (text: string) => text.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, name: string) => entities[name]!);

function attributes(source: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)(?:="([^"]*)")?/g)) found[match[1]!] = decode(match[2] ?? '');
  return found;
}

/** The fields of the first form on the page whose action is `action`, as the browser would send them. */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`No form posts to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input\b([^>]*)>/g)) {
    const input = attributes(match[1]!);
    if (!input.name) continue;
    if ((input.type === 'checkbox' || input.type === 'radio') && !('checked' in input)) continue;
    fields[input.name] = input.value ?? (input.type === 'checkbox' ? 'on' : '');
  }
  for (const match of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const select = attributes(match[1]!);
    const options = [...match[2]!.matchAll(/<option\b([^>]*)>/g)].map((option) => attributes(option[1]!));
    const chosen = options.find((option) => 'selected' in option) ?? options[0];
    if (select.name && chosen) fields[select.name] = chosen.value ?? '';
  }
  for (const match of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const area = attributes(match[1]!);
    if (area.name) fields[area.name] = decode(match[2]!);
  }
  return fields;
}
