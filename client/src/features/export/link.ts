/**
 * Pure helpers of the export panels (features/export/ExportFile.tsx): the link a person can open elsewhere,
 * and what the download button says. No Taro here, so scripts/__tests__/exportLink.test.ts runs them in node.
 */

/**
 * The file's link made whole: the dev host (H5) gives a path on itself (`/storage/…`), resolved against
 * the page's own address (`base`, location.href in the browser); the mini-program's temporary links are
 * whole already and stay as they are. An empty link (the server could not make one) stays empty.
 */
export function fullLink(url: string, base: string | undefined = pageAddress()): string {
  if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || base === undefined) return url;
  return new URL(url, base).href;
}

/** The page's address in a browser (H5); none in the mini-program or in node. */
function pageAddress(): string | undefined {
  return (globalThis as { location?: { href?: string } }).location?.href;
}

const kinds = new Map([
  ['xlsx', 'Excel'],
  ['xls', 'Excel'],
  ['csv', 'CSV'],
  ['docx', 'Word'],
  ['doc', 'Word'],
  ['pdf', 'PDF'],
]);

/** 下载 Excel / 下载 Word / 下载 CSV …, from the file's name; 下载文件 for anything else. */
export function downloadLabel(fileName: string): string {
  const kind = kinds.get(/\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '');
  return kind ? `下载 ${kind}` : '下载文件';
}
