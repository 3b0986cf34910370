/** The eight parts of 附件1 in the policy's order, with the policy's own guidance under each heading. */
export const parts = {
  title: { title: '（一）项目名称', hint: '' },
  background: {
    title: '（二）项目背景',
    hint: '对项目进行必要性和可行性分析，思路和目标要符合实际，思路清晰、重点突出、措施具体、目标明确。',
  },
  content: {
    title: '（三）项目内容',
    hint: '包含项目服务对象、服务方式、目标任务、实施标准、实施范围等内容，表述要落地落实、见人见物见事。可对项目总体建设内容和子项目建设内容进行分别陈述。',
  },
  plan: { title: '（四）推进方案（计划）', hint: '各项内容指标均要有明确进度计划。' },
  budget: {
    title: '（五）资金预算',
    hint: '按照专款专用、权责明确、专项核算、厉行节约的原则对项目实施进行预算编报。对资金来源要明确说明，对市总工会扶持资金部分要有明确表述。',
  },
  targets: {
    title: '（六）绩效目标',
    hint: '对项目实施的预期工作成果和社会效益进行描述。事前申报预估要在覆盖职工数量、直接服务职工数量和职工满意度等方面提出明确指标。',
  },
  assurance: { title: '（七）保障措施', hint: '包括组织领导、监督检查、资金保障、宣传交流等保障措施。' },
  duties: {
    title: '（八）责任分工',
    hint: '对项目策划、实施、督导、检查、验收等项工作进行明确分工，确定责任范围、工作落实到人。',
  },
} as const;
