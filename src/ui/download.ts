/**
 * Every download of the page goes through here: a Blob, an object URL and a
 * temporary `<a download>`, so files are named after the scenario and nothing
 * leaves the tab. Also the copy-to-clipboard used by Share and Export.
 */

/** `scenarios/shop.yaml` → `shop`; a name fit for a file (no path, no odd characters). */
export function fileBase(file: string | null | undefined, fallback = 'scenario'): string {
  const last = (file ?? '').split(/[\\/]/).pop() ?? '';
  const base = last.replace(/\.(ya?ml|json)$/i, '').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  return base || fallback;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke once it has had time to read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/**
 * Copies text; false when the clipboard is not available or not allowed here
 * (insecure page, no permission, a test browser): the caller then shows the text selected.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
