/** 分享问卷 (staff). Kept out of `routes.ts`, which the main package carries for the home card. */
export const surveyShareUrl = (id: string) => `/packages/survey/pages/share/index?id=${encodeURIComponent(id)}`;
