/**
 * H5 (and any platform without WeChat's privacy API): nothing to show. The weapp body is
 * PrivacyPrompt.weapp.tsx (Taro picks it at build time).
 */
export function PrivacyPrompt(_props: { feature: string }) {
  return null;
}
