/** weapp: download the file, then open it in WeChat's document viewer (which can forward or save it). */
import Taro from '@tarojs/taro';
import { ApiError } from './callCore';

export async function openDownload(url: string, fileName: string): Promise<void> {
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
    const fileType = /\.(xlsx|xls|docx|doc|pdf)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'xlsx';
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: fileType as 'xlsx', showMenu: true });
  } catch {
    throw new ApiError({ code: 'NETWORK', message: '文件没能打开，请复制链接到电脑上下载' });
  }
}
