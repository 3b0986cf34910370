/**
 * The user-data (隐私) APIs the mini-program calls, each with what it collects, what for and where — the
 * single list behind the 用户隐私保护指引 (公众平台 → 设置 → 服务内容声明 → 用户隐私保护指引; README
 * 上线步骤 prints it). A test keeps it equal to the Taro calls in the code (scripts/__tests__/privacy.test.ts).
 * Collect only what a feature needs: no location, phone number, profile or address is asked for.
 *
 * Not imported by the app (nothing here is bundled).
 */
export interface PrivacyDeclaration {
  /** The Taro API (Taro.<api>). */
  api: string;
  /** The guide's item, as WeChat names the information. */
  info: string;
  /** 用途, as the guide shows it to the user (“开发者将在获取你的明示同意后，{info}，用于{purpose}”). */
  purpose: string;
  /** Who uses it and where. */
  feature: string;
  /** The files that call it (under client/src). */
  callers: string[];
  /** The components that render <PrivacyPrompt /> for those calls (the person agrees there). */
  promptIn: string[];
}

export const privacyDeclarations: PrivacyDeclaration[] = [
  {
    api: 'chooseMedia',
    info: '收集你选中的照片或视频信息',
    purpose: '在提建议、报送项目进展时附上现场照片（仅图片，经内容安全检测后与建议或进展报告一同保存）',
    feature: '职工：提建议；基层工会干部：线下录入建议；工作人员：报送项目进展',
    callers: ['services/upload.weapp.ts', 'services/upload.h5.ts'],
    promptIn: ['features/attachment/AttachmentField.tsx'],
  },
  {
    api: 'setClipboardData',
    info: '访问你的剪切板（仅写入）',
    purpose:
      '复制导出文件的下载链接，以便在电脑上打开；复制问卷的小程序页面路径，以便放进公众号文章或菜单（仅工作人员使用，不读取剪切板）',
    feature: '工作人员：建议导出、调查结果导出、项目材料导出、职工评价导出、绩效看板导出、分享问卷',
    // One component shows every made export (its link, 下载, 复制链接); the survey share page copies its path.
    callers: ['features/export/ExportFile.tsx', 'features/survey/share/ShareTools.tsx'],
    promptIn: ['features/export/ExportFile.tsx', 'features/survey/share/ShareTools.tsx'],
  },
  {
    api: 'saveImageToPhotosAlbum',
    info: '使用你的相册（仅写入）权限',
    purpose: '把问卷和服务点、项目的小程序码海报保存到手机相册，以便打印张贴或发到工作群（仅工作人员使用，不读取相册）',
    feature: '工作人员：分享问卷、服务点签到海报、项目海报',
    // One function saves every poster (features/poster); the pages showing a poster render the prompt.
    callers: ['features/poster/saveToAlbum.ts'],
    promptIn: ['features/survey/share/ShareTools.tsx', 'features/checkin/PosterTools.tsx'],
  },
];

/**
 * Every Taro API that WeChat treats as a privacy API (小程序用户隐私保护指引内容介绍: the interfaces behind
 * each item of the guide). A call to any of these must be declared above.
 */
export const privacyApis = [
  'getUserProfile',
  'getUserInfo',
  'authorize',
  'getLocation',
  'getFuzzyLocation',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
  'chooseInvoice',
  'chooseInvoiceTitle',
  'getWeRunData',
  'chooseLicensePlate',
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'startRecord',
  'getRecorderManager',
  'joinVoIPChat',
  'createVKSession',
  'openBluetoothAdapter',
  'createBLEPeripheralServer',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'addPhoneContact',
  'addPhoneCalendar',
  'addPhoneRepeatCalendar',
  'getClipboardData',
  'setClipboardData',
  'startSoterAuthentication',
  'getPhoneNumber',
] as const;

/** Components and button open-types that collect user data (same guide). */
export const privacyOpenTypes = ['getPhoneNumber', 'getRealtimePhoneNumber', 'chooseAvatar'] as const;
