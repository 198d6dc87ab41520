/** The two browser facilities every island needs, in one place: local storage and file downloads. */

/** localStorage, or null where the browser refuses it (private mode, storage disabled): islands then still work, they just do not remember. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Hands a file built in the browser to the download manager; nothing is sent anywhere. */
export function saveFile(name: string, type: string, content: string | Blob): void {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
