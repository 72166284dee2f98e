/**
 * Words a citizen types for the same thing that the documents spell differently (data, not code: add a
 * group here, no query changes). A query term equal to any spelling of a group (ignoring punctuation and
 * case) finds text containing any spelling of that group. Spellings are matched as substrings, so
 * “公务接待” already finds “公务接待费”; a group is needed where the spellings are not substrings of one
 * another (三公经费 vs “三公”经费) or where the reader's word differs from the document's (公车, 医保).
 */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  ['三公经费', '“三公”经费', '三公'],
  ['公务接待', '公务接待费'],
  ['公务用车', '公务用车购置及运行费', '公务用车运行维护费', '公务用车购置费', '公车'],
  ['因公出国', '因公出国（境）费', '因公出国（境）费用', '出国经费'],
  ['机关运行经费', '机关运行费', '运行经费'],
  ['政府采购', '采购预算'],
  ['绩效目标', '绩效指标'],
  ['医保', '医疗保障'],
  ['社保', '社会保障'],
  ['人员经费', '工资福利支出', '对个人和家庭的补助'],
  ['财政拨款', '一般公共预算拨款'],
  ['国有资产', '固定资产'],
  ['台式机', '台式计算机', '台式电脑'],
  ['笔记本电脑', '便携式计算机'],
]
