function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function filesIn(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await entryFile(entry as FileSystemFileEntry)];
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const files: File[] = [];
  // readEntries hands out a directory in batches, until an empty one.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    // Not push(...files): spread arguments overflow the stack on a folder of a hundred thousand.
    for (const child of batch) for (const file of await filesIn(child)) files.push(file);
  }
  return files;
}

/**
 * The files of a drop, with dropped folders read through (where the browser allows). Must be called
 * during the drop event: the DataTransfer is emptied once the event is over.
 */
export function droppedFiles(data: DataTransfer): Promise<File[]> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  if (items.length === 0) return Promise.resolve([...data.files]);
  const parts = items.map((item) => {
    const entry = item.webkitGetAsEntry?.();
    if (entry?.isDirectory) return filesIn(entry).catch(() => []);
    const file = item.getAsFile();
    return Promise.resolve(file ? [file] : []);
  });
  return Promise.all(parts).then((lists) => lists.flat());
}
