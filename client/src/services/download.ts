/**
 * Opening a file the server made (the Excel export). Taro picks `download.weapp.ts` (download, then
 * openDocument) or `download.h5.ts` (a normal browser download); elsewhere it is refused.
 */
export function openDownload(url: string, fileName: string): Promise<void> {
  void url;
  void fileName;
  return Promise.reject(new Error('当前平台不支持下载文件'));
}
