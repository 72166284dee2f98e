import type { TOverallTargetInput } from '../../lib/performance/schemas'

/**
 * A 部门（单位）整体绩效目标表 (Henan 预算11表) of 获嘉县医疗保障局 2023 (henanDept2023), as an accountant
 * enters it: 年度履职目标, two 年度主要任务 and indicators under every 一级 of the template's tree, entered
 * out of tree order (产出 before 投入管理) to show that the printed table sorts them.
 */
export function henanOverall2023(): TOverallTargetInput {
  return {
    goals: ['贯彻落实医疗保障政策，确保医保基金安全平稳运行。', '提升医保经办服务水平，群众办事便捷高效。'],
    tasks: [
      { name: '医保基金监管', content: '开展定点医药机构专项检查和飞行检查，查处欺诈骗保行为。' },
      { name: '医保经办服务能力提升', content: '推进经办大厅标准化建设，实现高频事项“一站式”办理。' },
    ],
    indicators: [
      { level1: '产出指标', level2: '重点工作任务完成', level3: '定点医药机构检查覆盖率', value: '100%', note: '全年对辖区定点医药机构检查全覆盖' },
      { level1: '投入管理指标', level2: '预算和财务管理', level3: '预算执行率', value: '≥95%', note: '年度预算执行进度' },
      { level1: '投入管理指标', level2: '工作目标管理', level3: '年度工作计划制定', value: '按时制定', note: '' },
      { level1: '产出指标', level2: '履职目标实现', level3: '城乡居民参保率', value: '≥95%', note: '稳定在较高水平' },
      { level1: '效益指标', level2: '履职效益', level3: '医保基金运行安全', value: '无重大风险', note: '基金收支平衡' },
      { level1: '满意度', level2: '满意度', level3: '参保群众满意度', value: '≥90%', note: '问卷调查' },
    ],
  }
}
