import { describe, expect, it } from 'vitest';
import { classify, documentAuthority, findSourceCandidates, sentencesOf } from '../../server/src/core/terms/provenance';

describe('provenance: what a sentence does for a term', () => {
  it('tells definitions, abbreviations, enumerations and mere use apart', () => {
    expect(classify('高质量发展是全面建设社会主义现代化国家的首要任务。', '高质量发展', [])).toBe('definition');
    expect(classify('中国式现代化，是中国共产党领导的社会主义现代化。', '中国式现代化', [])).toBe('definition');
    expect(classify('第二条 国家秘密是关系国家安全和利益……的事项。', '国家秘密', [])).toBe('definition');
    expect(classify('在涉密岗位工作的人员（以下简称涉密人员），按照涉密程度分为……', '涉密人员', [])).toBe('abbreviation');
    // Here 五位一体 is the predicate: the sentence defines 总布局, not 五位一体.
    expect(classify('建设中国特色社会主义，总布局是五位一体。', '五位一体', ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'])).toBe('usage');
    expect(classify('全面落实经济建设、政治建设、文化建设、社会建设、生态文明建设五位一体总体布局。', '五位一体', ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'])).toBe('enumeration');
    expect(classify('加快发展新质生产力。', '新质生产力', [])).toBe('usage');
    // Rhetoric is no definition, and two-character items must stand in a list near the term.
    expect(classify('新时代是奋斗者的时代！', '新时代', [])).toBe('usage');
    expect(classify('坚持新发展理念，创新和完善宏观调控，统筹推进稳增长、促改革、调结构。', '新发展理念', ['创新', '协调', '绿色', '开放', '共享'])).toBe('usage');
  });

  it('splits a line into sentences, closing quotation marks included', () => {
    expect(sentencesOf('一是稳。二是“进。”三是好').map((s) => s.text)).toEqual(['一是稳。', '二是“进。”', '三是好']);
  });

  it('ranks the 20th Congress report over a provincial report, and a definition over use', () => {
    expect(documentAuthority('national/cpc-20.txt', 1)).toBeGreaterThan(documentAuthority('national/gwr-2025.txt', 1));
    expect(documentAuthority('national/gwr-2025.txt', 1)).toBeGreaterThan(documentAuthority('national/gwr-1985.txt', 1));
    expect(documentAuthority('002_8dfe99efc033ddf8.txt', 100)).toBeGreaterThan(documentAuthority('002_8dfe99efc033ddf8.txt', 900));
    const corpus = [
      // A provincial report (002 beyond the national part, lines 1–182).
      { name: '002_8dfe99efc033ddf8.txt', lines: [...Array<string>(899).fill(''), '营商环境是决定自贸港建设成败的重要因素。'] },
      { name: 'national/cpc-20.txt', lines: ['完善产权保护、市场准入、公平竞争、社会信用等市场经济基础制度，优化营商环境。'] },
      { name: 'national/gwr-2014.txt', lines: ['扩大内需是经济增长的主要动力，也是重大的结构调整。'] },
    ];
    expect(findSourceCandidates({ term: '营商环境', aliases: [], items: [] }, corpus)[0]).toMatchObject({ document: 'national/cpc-20.txt', line: 1, kind: 'usage' });
    expect(findSourceCandidates({ term: '扩大内需', aliases: [], items: [] }, corpus)).toEqual([
      { document: 'national/gwr-2014.txt', line: 1, quote: '扩大内需是经济增长的主要动力，也是重大的结构调整。', kind: 'definition', score: expect.any(Number) },
    ]);
  });

  it('cuts a long sentence at clause ends around the term', () => {
    const long = `${'各地区各部门要深入贯彻落实党中央决策部署，'.repeat(6)}加快发展新质生产力，${'推动经济实现质的有效提升和量的合理增长，'.repeat(6)}。`;
    const [best] = findSourceCandidates({ term: '新质生产力', aliases: [], items: [] }, [{ name: 'national/gwr-2025.txt', lines: [long] }]);
    expect(best.quote.length).toBeLessThanOrEqual(160);
    expect(best.quote).toContain('加快发展新质生产力');
    expect(long).toContain(best.quote);
    expect(best.quote.startsWith('各地区') || best.quote.startsWith('加快') || best.quote.startsWith('推动')).toBe(true);
  });
});
