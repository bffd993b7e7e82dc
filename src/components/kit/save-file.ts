/**
 * Hands the reader a file made in the page (an export, a table, a model) as a download: a
 * temporary link to a blob, clicked from inside the document (Firefox ignores clicks on a
 * detached link), its URL released once the browser has taken it.
 */
export function saveFile(name: string, type: string, data: BlobPart): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
