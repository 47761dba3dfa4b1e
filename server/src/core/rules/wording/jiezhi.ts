import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { matchesIn } from '../../text/matches';

/**
 * 截止 (+ 到/至) directly before a point in time: `截止2025年11月底`,
 * `截止到目前`, `截止今年6月`. Not `截止日期`, `截止时间`, `截止于…`,
 * `于…截止` (截止 = to end, 截至 = up to).
 */
const JIEZHI = /截止(?:到|至)?(?=\s?(?:目前|当前|现在|今年|去年|前年|本年|上年|明年|今天|今日|昨天|昨日|日前|发稿|本月|上月|本周|上周|年底|年末|月底|月末|本季度|上季度|报告期|统计时|\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月底|[一二][〇零一二三四五六七八九]{3}年|[一二三四五六七八九十]{1,2}月(?:底|末|\d|[一二三]?十?[一二三四五六七八九]?日)))/g;

/**
 * `usage.jiezhi`: 截止 used for 截至 before a point in time. 截止 means "to
 * stop" and takes no time object (`于2025年底截止`); 截至 means "up to" and
 * does (`截至2025年底`). 《现代汉语词典》 (第7版): 截至 ≈ 截止到.
 */
export const usageJiezhiRule: Rule = {
  id: 'usage.jiezhi',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`截止2025年底` → `截至2025年底`',
  description: {
    en: '截止 before a point in time where 截至 is meant (截止2025年底 → 截至2025年底).',
    zh: '表示“到某时为止”时误用“截止”（截止2025年底 → 截至2025年底）。',
  },
  options: [],
  messages: {
    jiezhi: {
      en: '"{found}" before a point in time: write "截至" ("up to"); "截止" means "to end" and takes no time object (Xiandai Hanyu Cidian, 7th ed.).',
      zh: '“{found}”后接时间点时应为“截至”；“截止”意为“到期停止”，不带时间宾语（见《现代汉语词典》第7版）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    return matchesIn(JIEZHI, paragraph.text).map((match) => {
      const start = match.index;
      const end = start + match[0].length;
      return proofFinding('usage.jiezhi', 'jiezhi', start, end, { found: match[0] }, replace(start, end, '截至'));
    });
  },
};
