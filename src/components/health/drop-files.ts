/**
 * The files of a drop: plain files, and every file inside a dropped folder (and its subfolders), where the
 * browser gives entries (`webkitGetAsEntry`). Where it does not, the drop's file list is used as it is.
 * Hidden files (`.DS_Store` and the like) inside folders are skipped.
 */
export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null));
  if (entries.length === 0 || entries.some((e) => !e) || !entries.some((e) => e!.isDirectory)) return [...data.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, top: boolean): Promise<void> => {
    if (!top && entry.name.startsWith('.')) return;
    if (entry.isFile) {
      out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries hands out a folder's entries in batches (about 100 at a time) until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, false);
    }
  };
  for (const entry of entries) await walk(entry!, true);
  return out;
}
