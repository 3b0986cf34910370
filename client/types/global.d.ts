/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    /** WeChat cloud environment id (weapp). */
    TARO_APP_CLOUD_ENV?: string;
    /** H5: origin of the dev host (empty for same origin). */
    TARO_APP_API_BASE?: string;
  }
}
