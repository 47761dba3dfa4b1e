import type { GlossaryEntry } from '../../terms/glossary';
import type { Token } from '../../types';

/**
 * What a repeated phrase never is for an editor, however often it occurs: a
 * person's name or title, an institution, a place, a law, a meeting, a
 * statistical indicator. Suggesting to say 习近平总书记, 国务院 or 地区生产总值
 * less often would make the whole tool look foolish in a government office.
 */

/** Glossary categories that name things (organs, meetings, legal terms), never formulas. */
const NAMING_CATEGORIES = new Set(['机构与会议', '法律术语']);

/** jieba tags of names: persons (nr, nrfg, nrt), places (ns), organisations (nt). */
const NAME_TAG = /^(nr|ns|nt)/;

/**
 * Leaders and classics named in reports, in case the segmenter does not tag
 * them as names (习近平总书记 is one `nz` token of the policy dictionary).
 */
const PERSONS = [
  '马克思', '恩格斯', '列宁', '斯大林', '毛泽东', '毛主席', '周恩来', '刘少奇', '朱德', '邓小平', '陈云', '华国锋', '叶剑英',
  '江泽民', '胡锦涛', '习近平', '李鹏', '朱镕基', '温家宝', '李克强', '李强', '孙中山',
];

/** Titles and forms of address: `…同志`, `…总书记`. */
const TITLE_END = /(同志|总书记|主席|总理|副总理|委员长|书记|部长|省长|市长|代表|委员|先生|女士|人士)$/;

/** Organs, places and bodies by their last word. */
const INSTITUTION_END = /(委员会|常委会|人大|政协|政府|国务院|中央|党中央|法院|检察院|部门|机关|组织|协会|大学|学院|银行|公司|集团|省|市|县|区|州|盟|旗|乡|镇|村|会议|大会|全会|峰会|论坛|博览会)$/;

/** Laws, plans and documents by name: `…法`, `…条例`, `…纲要`, `“十四五”规划`. */
const DOCUMENT_END = /(法|条例|规定|办法|决定|决议|纲要|规划|计划|宪法|公约|协定|报告)$/;

/** Statistical indicators: what is counted, not how the report speaks. */
const INDICATOR = /(总值|产值|增加值|总额|总量|总数|增长率|增速|增长速度|速度|比重|比例|比率|赤字|收入|支出|指数|价格|物价|水平|产量|人口|面积|规模|幅度|利润|税收|储备|余额|顺差|逆差|投资|消费|储蓄|工资|率)$/;

/** True when a repeated phrase names someone or something, or counts something. */
export function isNeverSlogan(phrase: string, tokens: readonly Token[], entry: GlossaryEntry | undefined): boolean {
  if (entry && NAMING_CATEGORIES.has(entry.category)) return true;
  if (tokens.some((t) => t.tag !== undefined && NAME_TAG.test(t.tag))) return true;
  if (PERSONS.some((name) => phrase.includes(name))) return true;
  return TITLE_END.test(phrase) || INSTITUTION_END.test(phrase) || DOCUMENT_END.test(phrase) || INDICATOR.test(phrase);
}
