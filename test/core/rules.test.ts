import { describe, expect, it } from 'vitest';
import { analyze, AnalysisCaches, type RuleConfig } from '../../server/src/core/analysis';
import { sentenceDuplicatedRule } from '../../server/src/core/rules/sentenceDuplicated';
import { sloganRepeatedRule } from '../../server/src/core/rules/sloganRepeated';
import { termInconsistentRule } from '../../server/src/core/rules/termInconsistent';
import { termVariantRule } from '../../server/src/core/rules/termVariant';
import type { Rule } from '../../server/src/core/rules/rule';
import type { Finding } from '../../server/src/core/types';
import { factsOf, fixtureLines } from '../helpers/analyzeText';

const COMPILATION = fixtureLines('002_8dfe99efc033ddf8.txt');
const line = (n: number) => COMPILATION[n - 1];

function run(rule: Rule, text: string, options: Record<string, number | boolean> = {}, ignored: string[] = []): Finding[] {
  const defaults = Object.fromEntries(rule.options.map((o) => [o.name, o.default]));
  const config: RuleConfig = { severity: 'warning', options: { ...defaults, ...options } };
  return analyze(factsOf(text, ignored), [rule], { rules: new Map([[rule.id, config]]), heavyRules: true, cacheKey: '' }, new AnalysisCaches());
}

const flagged = (text: string, findings: Finding[]) => findings.map((f) => [f.messageId, text.slice(f.span.start, f.span.end), f.args.count ?? f.args.line ?? '']);

function applyFixes(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('slogan.repeated', () => {
  it('flags 高质量发展 ×4 in national report line 71 once, on its first occurrence, the others related', () => {
    const text = line(71);
    const findings = run(sloganRepeatedRule, text);
    expect(flagged(text, findings)).toEqual([['paragraph', '高质量发展', 4]]);
    const all = [...text.matchAll(/高质量发展/g)].map((m) => m.index);
    expect(findings[0].span.start).toBe(all[0]);
    expect(findings[0].related!.map((s) => s.start)).toEqual(all.slice(1));
    expect(findings[0].ignoreKey).toBe('高质量发展');
  });

  it('does not flag parallel frames: 必须始终坚持… ×5 (Hunan 2759) and 向…表示衷心感谢 ×3 (national 49)', () => {
    expect(run(sloganRepeatedRule, line(2759))).toEqual([]);
    expect(run(sloganRepeatedRule, line(49))).toEqual([]);
  });

  it('reports a frame of a formula when asked to', () => {
    const text = '今年工作要统筹兼顾。既要坚持高质量发展，又要坚持高质量发展，更要坚持高质量发展。';
    expect(run(sloganRepeatedRule, text)).toEqual([]);
    expect(flagged(text, run(sloganRepeatedRule, text, { flagParallelFrames: true }))).toEqual([['paragraph', '坚持高质量发展', 3]]);
  });

  it('does not report fragments of a sentence pattern that end on a verb (产业紧扣…, 标准提高到…)', () => {
    const text = '数字产业紧扣发展先进计算。新能源产业紧扣新能源汽车。大健康产业紧扣中医药发展。空天海洋产业紧扣航空装备。';
    expect(run(sloganRepeatedRule, text, { flagParallelFrames: true })).toEqual([]);
  });

  it('does not count occurrences inside the fixed chiasmus 以高质量发展促进高水平安全，以高水平安全保障高质量发展', () => {
    const text = line(4065);
    expect([...text.matchAll(/高质量发展/g)]).toHaveLength(4);
    expect(run(sloganRepeatedRule, text).filter((f) => f.args.phrase === '高质量发展')).toEqual([]);
  });

  it('keeps only maximal repeats and never reports fragments starting or ending with function words', () => {
    for (const n of [71, 135, 2759, 4497]) {
      for (const finding of run(sloganRepeatedRule, line(n), { flagParallelFrames: true })) {
        expect(String(finding.args.phrase)).not.toMatch(/^[的是和与在了为对把将以]|[的是和与在了为对把将以]$/);
      }
    }
  });

  it('reports 高质量发展 ×7 in the Gansu paragraph 4497 once', () => {
    const findings = run(sloganRepeatedRule, line(4497));
    expect(findings.map((f) => [f.args.phrase, f.args.count, f.related!.length])).toEqual([['高质量发展', 7, 6]]);
  });

  it('respects ignored phrases and the count threshold', () => {
    // Ignoring 高质量发展 also silences the longer 推动高质量发展 ×3 it had hidden.
    expect(run(sloganRepeatedRule, line(71), {}, ['高质量发展'])).toEqual([]);
    expect(run(sloganRepeatedRule, line(71), {}, ['推动高质量发展']).map((f) => f.args.phrase)).toEqual(['高质量发展']);
    expect(run(sloganRepeatedRule, line(71), { minCount: 5 })).toEqual([]);
  });

  it('flags a formula that is too dense in one part of a report, once: the section owns what its paragraphs repeat', () => {
    const body = '我们要推动新质生产力发展，培育新质生产力，壮大新质生产力，让各类先进优质生产要素向发展新质生产力顺畅流动。';
    const text = ['一、总体要求', ...Array(4).fill(body), '二、工作任务', '做好各项工作。'].join('\n');
    expect(run(sloganRepeatedRule, body).map((f) => [f.messageId, f.args.count])).toEqual([['paragraph', 4]]);
    const findings = run(sloganRepeatedRule, text);
    expect(findings.map((f) => f.messageId)).toEqual(['section']);
    expect(findings[0].args).toMatchObject({ phrase: '新质生产力', count: 16 });
    expect(findings[0].span.start).toBe(text.indexOf('新质生产力'));
    expect(findings[0].related).toHaveLength(15);
  });

  it('produces no paragraph findings on short plain text', () => {
    expect(run(sloganRepeatedRule, '坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。')).toEqual([]);
  });
});

describe('sentence.duplicated', () => {
  it('leaves alone a short lead sentence shared by the review and the tasks of a report, but not a copied paragraph', () => {
    const review = '推进节能减排和生态环境保护。发布实施“十二五”节能减排综合性工作方案。';
    const tasks = '推进节能减排和生态环境保护。节能减排的关键是节约能源，提高能效，减少污染。';
    expect(run(sentenceDuplicatedRule, ['一、过去一年的工作', review, '二、今年的主要任务', tasks].join('\n'))).toEqual([]);
    const copied = run(sentenceDuplicatedRule, ['一、过去一年的工作', review, '二、今年的主要任务', review].join('\n'));
    expect(copied.map((f) => f.args.line)).toEqual([2, 2]);
  });

  it('flags a copy-pasted sentence in one report and points to the first copy', () => {
    const sentence = '今年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年。';
    const text = ['一、总体要求', `${sentence}做好今年工作意义重大。`, '二、工作任务', `各位代表！${sentence}`].join('\n');
    const findings = run(sentenceDuplicatedRule, text);
    expect(flagged(text, findings)).toEqual([['duplicate', sentence, 2]]);
    expect(text.slice(findings[0].related![0].start, findings[0].related![0].end)).toBe(sentence);
  });

  it('does not flag sentences shared by different reports of the compilation', () => {
    // 今年是中华人民共和国成立75周年… opens the national report and nine provincial reports.
    const text = COMPILATION.join('\n');
    const findings = run(sentenceDuplicatedRule, text);
    expect(findings).toEqual([]);
  });

  describe('in a law: formulas repeat by design from article to article', () => {
    const law = [
      '第一条 为了规范宪法宣誓，根据有关法律，制定本办法。',
      '第二条 市人民代表大会选举的市长、副市长，在依照法定程序产生后，进行宪法宣誓。宣誓仪式由本级人民代表大会会议主席团组织。',
      '第三条 市人民代表大会常务委员会任命的秘书长，在依照法定程序产生后，进行宪法宣誓。宣誓仪式由本级人民代表大会会议主席团组织。',
      '法律、行政法规另有规定的，从其规定。',
      '第四条 县级人民政府工作部门负责人，在依照法定程序产生后，进行宪法宣誓。',
      '法律、行政法规另有规定的，从其规定。',
    ];

    it('does not compare sentences of different articles or paragraphs', () => {
      expect(run(sentenceDuplicatedRule, law.join('\n'))).toEqual([]);
    });

    it('still flags a sentence repeated inside one paragraph', () => {
      const doubled = [...law.slice(0, 5), '法律、行政法规另有规定的，从其规定。法律、行政法规另有规定的，从其规定。'];
      const text = doubled.join('\n');
      expect(flagged(text, run(sentenceDuplicatedRule, text))).toEqual([['duplicate', '法律、行政法规另有规定的，从其规定。', 6]]);
    });

    it('takes a report that cites two articles for no law', () => {
      const report = ['一、总体要求', '第一条 规定的原则必须坚持。要把各项任务落到实处，以实干实绩推动高质量发展。', '第二条 规定的任务必须完成。要把各项任务落到实处，以实干实绩推动高质量发展。'];
      const text = report.join('\n');
      expect(flagged(text, run(sentenceDuplicatedRule, text))).toEqual([['duplicate', '要把各项任务落到实处，以实干实绩推动高质量发展。', 2]]);
    });
  });

  it('takes an attachment (附件2 on its own line) for a document of its own', () => {
    const site = '马鬃山村属湖北省巴东县官渡口镇，位于长江南岸海拔高程480—560米左右的岩溶山区。';
    const reply = ['国务院：', `一、基本情况`, site, '二、处理意见', '请湖北省人民政府做好群众工作。', '二〇〇四年十月十日'];
    expect(run(sentenceDuplicatedRule, [...reply, '附件2', '湖北省巴东县官渡口镇马鬃山村地质险情调查意见', site].join('\n'))).toEqual([]);
    // A law's annex with its number and title (香港特别行政区基本法: 附件一：…).
    expect(run(sentenceDuplicatedRule, [...reply, '附件一：香港特别行政区行政长官的产生办法', site].join('\n'))).toEqual([]);
    // The list of attachments at the end of a document's body is no attachment.
    const listed = [...reply, '附件：湖北省巴东县官渡口镇马鬃山村地质险情调查意见', site].join('\n');
    expect(run(sentenceDuplicatedRule, listed).map((f) => f.args.line)).toEqual([3]);
  });

  it('compares no web address, Markdown picture or repeated photo caption (a WeChat article saved as Markdown)', () => {
    const picture = '![图片](https://mmbiz.qpic.cn/mmbiz_png/P6KJFibAbiaeZXRC0bqf/640?wx_fmt=png&from=appmsg)';
    const caption = '同学们一边听讲解一边参观。人民网 李龙摄';
    const text = ['参观活动顺利举行，同学们收获满满，纷纷表示受益匪浅。', picture, caption, '讲解员介绍了文物背后的故事。', picture, caption].join('\n');
    expect(run(sentenceDuplicatedRule, text)).toEqual([]);
    // The same sentence in running text is still a copy.
    const copied = ['同学们一边听讲解一边参观，收获满满。', '讲解员介绍了文物背后的故事。', '同学们一边听讲解一边参观，收获满满。'].join('\n');
    expect(run(sentenceDuplicatedRule, copied).map((f) => f.args.line)).toEqual([1]);
  });

  it('leaves speeches alone where they repeat by design: salutations, gallery captions, a letter and the report on it in one line', () => {
    // 2020 speeches as jhsjk.people.cn publishes them.
    const speech = ['女士们、先生们、朋友们！', '今天，我们在这里隆重集会，共同庆祝这一历史性时刻的到来。', '女士们、先生们、朋友们！', '让我们携手并进，共同开创更加美好的未来。'].join('\n');
    expect(run(sentenceDuplicatedRule, speech)).toEqual([]);
    const event = '2020年2月10日，中共中央总书记、国家主席、中央军委主席习近平在北京调研指导新冠肺炎疫情防控工作。';
    const gallery = [`${event}这是习近平在朝阳区疾病预防控制中心调研。 新华社记者 刘彬/摄`, `${event}这是习近平来到朝阳区安贞街道安华里社区。 新华社记者 鞠鹏/摄`].join('\n');
    expect(run(sentenceDuplicatedRule, gallery)).toEqual([]);
    const letter = '当年修建密云水库是为了防洪防涝，现在它已成为无价之宝。';
    const flattened = `回信乡亲们：你们好！${letter}希望你们再接再厉。习近平2020年8月30日（新华社北京8月31日电）新华社北京8月31日电在密云水库建成60周年之际，习近平给乡亲们回信。${letter}`;
    expect(run(sentenceDuplicatedRule, flattened)).toEqual([]);
    // Without the dateline between them, the second copy is reported.
    const copied = `回信乡亲们：你们好！${letter}希望你们再接再厉。在密云水库建成60周年之际，习近平给乡亲们回信。${letter}`;
    expect(run(sentenceDuplicatedRule, copied).map((f) => f.args.line)).toEqual([1]);
  });

  it('ignores short sentences', () => {
    expect(run(sentenceDuplicatedRule, '织密扎牢社会保障网。\n织密扎牢社会保障网。')).toEqual([]);
  });

  describe('in a study compilation: a report, then news articles quoting it (issue 21)', () => {
    const s1 = '今年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年。';
    const s2 = '大力推进现代化产业体系建设，加快发展新质生产力。';
    const s3 = '代表们表示，要把报告部署的各项任务落到实处，以实干实绩推动高质量发展。';
    const report = ['2024年《政府工作报告》', '一、总体要求', `各位代表！${s1}做好今年工作意义重大。`, '二、工作任务', `${s2}充分发挥创新主导作用。`];

    // The articles have no title line the outline would take for a new document: only their datelines tell them apart.
    it('does not flag the report reprinted in a later article', () => {
      const text = [...report, `新华社北京3月5日电 记者张三 李四　政府工作报告提请大会审议。会议气氛热烈。${s1}${s3}`].join('\n');
      expect(run(sentenceDuplicatedRule, text)).toEqual([]);
    });

    it('does not flag one article repeating another', () => {
      const text = [...report, `新华社北京3月5日电 记者张三　会议气氛热烈。${s3}`, `本报北京3月6日讯（记者王五）代表们畅谈体会。${s3}`].join('\n');
      expect(run(sentenceDuplicatedRule, text)).toEqual([]);
    });

    it('does not flag a quotation in “…”, even in the same document', () => {
      const text = [...report, `会上强调：“坚持稳中求进工作总基调。${s2}”`].join('\n');
      expect(run(sentenceDuplicatedRule, text)).toEqual([]);
    });

    it('does not flag a run-in heading that opens two paragraphs, but flags it repeated inside a paragraph', () => {
      // gwr-2012: 推进节能减排和生态环境保护。 opens a paragraph of the review (line 52) and one of the plan (line 229).
      const lead = '推进节能减排和生态环境保护。';
      const twice = ['一、回顾', `${lead}发布实施节能减排综合性工作方案。`, '二、任务', `${lead}节能减排的关键是节约能源。`].join('\n');
      expect(run(sentenceDuplicatedRule, twice)).toEqual([]);
      const inside = ['一、回顾', `${lead}发布实施节能减排综合性工作方案。`, `要抓紧制定工作方案。${lead}`].join('\n');
      expect(flagged(inside, run(sentenceDuplicatedRule, inside))).toEqual([['duplicate', lead, 2]]);
    });

    it('still flags a sentence repeated within one article, and a quotation is never the first copy', () => {
      const lines = [...report, `新华社北京3月5日电 记者张三　“会议气氛热烈。${s3}”代表们认为，报告实事求是。`, `会议期间，代表们发言踊跃。${s3}`, s3];
      const text = lines.join('\n');
      const findings = run(sentenceDuplicatedRule, text);
      expect(flagged(text, findings)).toEqual([['duplicate', s3, lines.length - 1]]);
    });
  });
});

describe('term.variant', () => {
  it('flags a rejected spelling and fixes it to the canonical term', () => {
    const text = '加快发展新质生产率，坚持全程人民民主，因地治宜推进工作。';
    const findings = run(termVariantRule, text);
    expect(findings.map((f) => [text.slice(f.span.start, f.span.end), f.args.canonical])).toEqual([
      ['新质生产率', '新质生产力'],
      ['全程人民民主', '全过程人民民主'],
      ['因地治宜', '因地制宜'],
    ]);
    expect(applyFixes(text, findings)).toBe('加快发展新质生产力，坚持全过程人民民主，因地制宜推进工作。');
  });

  it('leaves 全过程民主 alone: the statutory wording of 2021 (NPC Organic Law), before 全过程人民民主', () => {
    expect(run(termVariantRule, '坚持全过程民主。')).toEqual([]);
  });

  it('finds nothing in the national report', () => {
    expect(run(termVariantRule, COMPILATION.slice(0, 181).join('\n'))).toEqual([]);
  });
});

describe('term.inconsistent', () => {
  it('flags the one unquoted 三农 among quoted ones and adds the quotes', () => {
    const text = '做好“三农”工作。推进“三农”改革。坚持不懈强三农。';
    const findings = run(termInconsistentRule, text);
    expect(findings.map((f) => [f.messageId, text.slice(f.span.start, f.span.end), f.args.majority])).toEqual([['bareMinority', '三农', 2]]);
    expect(applyFixes(text, findings)).toBe('做好“三农”工作。推进“三农”改革。坚持不懈强“三农”。');
    expect(findings[0].related?.map((r) => text.slice(r.start, r.end))).toEqual(['“三农”', '“三农”']);
  });

  it('flags the one quoted 三农 among unquoted ones, quotes included, and removes the quotes', () => {
    const text = '做好三农工作。推进三农改革。坚持不懈强“三农”。';
    const findings = run(termInconsistentRule, text);
    expect(findings.map((f) => [f.messageId, text.slice(f.span.start, f.span.end), f.args.majority])).toEqual([['quotedMinority', '“三农”', 2]]);
    expect(findings[0].related?.map((r) => text.slice(r.start, r.end))).toEqual(['三农', '三农']);
    expect(applyFixes(text, findings)).toBe('做好三农工作。推进三农改革。坚持不懈强三农。');
  });

  it('flags a minority full-width ％ and fixes it to %', () => {
    const text = '增长5.2%，增长3%，下降1.5％。';
    const findings = run(termInconsistentRule, text);
    expect(flagged(text, findings)).toEqual([['symbol', '％', '']]);
    expect(applyFixes(text, findings)).toBe('增长5.2%，增长3%，下降1.5%。');
  });

  it('leaves a tie alone', () => {
    expect(run(termInconsistentRule, '做好“三农”工作，强三农。')).toEqual([]);
  });

  it('ignores forms inside a longer quotation such as “一圈一带两区”', () => {
    expect(run(termInconsistentRule, '构建“一圈一带两区”格局，推进“两区”建设，“两区”联动。')).toEqual([]);
  });

  // The 2026 provincial reports (unseen).
  it('leaves a quoted term borrowed for another thing alone where every bare use is one programme’s name', () => {
    const housing = '扎实推进大规模设备更新和消费品以旧换新。加力扩围实施消费品以旧换新。落实住房“以旧换新”政策，稳定房地产市场。';
    expect(run(termInconsistentRule, housing)).toEqual([]);
    // Bare uses in different places are the same term: the quoted one is still inconsistent.
    const mixed = '扎实推进大规模设备更新和消费品以旧换新。支持汽车以旧换新。落实住房“以旧换新”政策，稳定房地产市场。';
    expect(run(termInconsistentRule, mixed).map((f) => [f.messageId, mixed.slice(f.span.start, f.span.end), f.args.majority])).toEqual([['quotedMinority', '“以旧换新”', 2]]);
  });

  it('does not count the headword of a report’s note', () => {
    const text = '加力实施“两新”政策。用好“两新”资金。\n［15］两新：\n指大规模设备更新和消费品以旧换新。';
    expect(run(termInconsistentRule, text)).toEqual([]);
  });

  // The unseen laws corpus: a term quoted where it is defined or named as a word, bare where it is used.
  it('does not count a term where it is defined or named as a word (laws quote it there)', () => {
    for (const text of [
      '服务保障中国国际进口博览会（以下简称“进博会”）等会展活动。进博会期间，进博会场馆周边。',
      '促进中关村国家自主创新示范区建设。名称应当冠以行政区划名称或者“中关村”字样。中关村国家自主创新示范区内的组织。',
      '在不动产登记簿上备注“标准地”等字样。推行标准地出让，标准地供应。',
      '刑法第一百一十一条规定的“国家秘密”，是指有关事项。窃取国家秘密，提供国家秘密。',
      '对于是否属于“重大事故隐患”或者“危险物品”难以确定的。存在重大事故隐患，排除重大事故隐患。',
      '推进国际贸易“单一窗口”建设，完善“单一窗口”功能。\n（三）单一窗口：是指参与国际贸易的各方通过单一平台提交信息。',
    ]) {
      expect(run(termInconsistentRule, text), text).toEqual([]);
    }
  });

  it('still flags a quoted use in running text, the named one left out of the count', () => {
    const text = '本规定所称“三农”，是指农业、农村、农民。做好三农工作。推进三农改革。坚持“三农”优先。';
    const findings = run(termInconsistentRule, text);
    expect(findings.map((f) => [f.messageId, text.slice(f.span.start, f.span.end), f.args.majority])).toEqual([['quotedMinority', '“三农”', 2]]);
    expect(findings[0].span.start).toBe(text.lastIndexOf('“三农”'));
  });
});
