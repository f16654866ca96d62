/**
 * The one-line summary of a scenario's description (picker, header): its first
 * paragraph up to the end of the first sentence, markdown marks removed.
 */
export function summaryOf(description: string, maxChars = 110): string {
  const para = description.trim().split(/\n\s*\n/)[0] ?? '';
  let text = para.replace(/\s+/g, ' ').replace(/\*\*|__|`/g, '').trim();
  const end = text.search(/[.!?](\s|$)/);
  if (end >= 0) text = text.slice(0, end + 1);
  if (text.length > maxChars) text = `${text.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…`;
  return text;
}
