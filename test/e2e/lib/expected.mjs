// What the real-editor checks expect, shared by the VS Code and the Neovim suites.

/** The first ten outline entries ([depth, name]) of the 2024 national report (test/e2e/workspace/政府工作报告2024.policy.txt)
 *  with default settings (lead items off): test/fixtures/outlines/national-2024-002.json without its `lead` entries. */
export const REPORT_OUTLINE = [
  [1, '1.政府工作报告'],
  [2, '一、2023年工作回顾'],
  [2, '二、2024年经济社会发展总体要求和政策取向'],
  [2, '三、2024年政府工作任务'],
  [3, '（一）大力推进现代化产业体系建设，加快发展新质生产力'],
  [3, '（二）深入实施科教兴国战略，强化高质量发展的基础支撑'],
  [3, '（三）着力扩大国内需求，推动经济实现良性循环'],
  [3, '（四）坚定不移深化改革，增强发展内生动力'],
  [3, '（五）扩大高水平对外开放，促进互利共赢'],
  [3, '（六）更好统筹发展和安全，有效防范化解重点领域风险'],
];

/** Hover on 新质生产力 in the English UI: the glossary entry's heading (markdown) with its category in English, and a phrase of its definition. */
export const HOVER_HEADING_MD = '**新质生产力** · Development philosophy';
export const HOVER_HEADING_TEXT = '新质生产力 · Development philosophy';
export const HOVER_DEFINITION = '先进生产力质态';
