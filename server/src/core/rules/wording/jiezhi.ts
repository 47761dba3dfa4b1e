import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { matchesIn } from '../../text/matches';

/**
 * 截止 directly before a point in time: `截止2025年11月底`, `截止今年6月`. Not
 * `截止日期`, `截止时间`, `截止于…`, `于…截止` (截止 = to end, 截至 = up to), and not
 * `截止到2013年6月30日` or `截止至1999年5月31日` (Supreme People's Court texts of 2012 and
 * 2000): the dictionary defines 截至 as 截止到（某个时候）, so 截止到 and its literary 截止至
 * are the long form of 截至, not a misuse.
 */
const JIEZHI = /截止(?=\s?(?:目前|当前|现在|今年|去年|前年|本年|上年|明年|今天|今日|昨天|昨日|日前|发稿|本月|上月|本周|上周|年底|年末|月底|月末|本季度|上季度|报告期|统计时|\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月底|[一二][〇零一二三四五六七八九]{3}年|[一二三四五六七八九十]{1,2}月(?:底|末|\d|[一二三]?十?[一二三四五六七八九]?日)))/g;

/**
 * `usage.jiezhi`: 截止 used for 截至 before a point in time. 《现代汉语词典》 (第7版):
 * 截止 is "（到一定期限）停止" and takes no time object (`于2025年底截止`); 截至 is
 * "截止到（某个时候）" and does (`截至2025年底`), as does 截止到 itself.
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
    en: '截止 directly before a point in time where 截至 (or 截止到) is meant (截止2025年底 → 截至2025年底).',
    zh: '表示“到某时为止”时误用“截止”（截止2025年底 → 截至2025年底，或截止到2025年底）。',
  },
  options: [],
  messages: {
    jiezhi: {
      en: '"{found}" before a point in time: write "截至" ("up to") or "截止到"; "截止" alone means "to stop (at a set time)" and takes no time object (Xiandai Hanyu Cidian, 7th ed.: 截至 = 截止到).',
      zh: '“{found}”后接时间点时应为“截至”（或“截止到”）；“截止”意为“（到一定期限）停止”，不带时间宾语（《现代汉语词典》第7版：截至，截止到（某个时候））。',
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
