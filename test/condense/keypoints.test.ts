import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DANGLING_OPENERS, countWords, keyPoints, toClause, type SectionText } from '../../src/condense/keypoints.js';
import { splitSentences } from '../../src/condense/sentences.js';

// A made-up annual operations review: several domains, the connectives, back-references, abbreviations
// and long lead-ins that real report prose is full of.
const REPORT: SectionText[] = [
  {
    heading: '1. Supply Chain Resilience',
    paragraphs: [
      'Supply chain disruptions cost the company an estimated $48 million in lost sales during fiscal 2023, most of it in the consumer electronics division. The root causes were concentrated: 62% of late shipments traced back to just four component suppliers in the Pearl River Delta. This concentration left the division exposed to a single regional lockdown.',
      'In response to these findings, the procurement team qualified alternative suppliers in Vietnam, Mexico and Poland for every component that had a single source. Dual sourcing raised unit costs by approx. 3.5% but cut the average delay on critical parts from 19 days to 6 days. However, the new suppliers still need time to match the defect rates of the incumbents, which remain 40% lower.',
      "Inventory buffers were also rebuilt. Safety stock for the top 200 components now covers eight weeks of demand — up from three weeks — and is reviewed monthly by Dr. Alvarez's planning group.",
    ],
  },
  {
    heading: '2. Cloud Cost Optimisation',
    paragraphs: [
      'Cloud spending reached $11.2 million last year, growing twice as fast as the revenue it supports. An audit by Finch & Co. in Jan. 2024 found that 31% of provisioned compute capacity sat idle outside business hours.',
      'Moving steady workloads to three-year reserved instances would lower the compute bill by roughly a quarter without any change to the applications. Additionally, automated shutdown schedules for development and test environments could save a further $900,000 a year. These measures require little engineering effort and can be rolled out within one quarter.',
      'By tagging every resource with an owner and a cost centre before the next budget cycle, finance will be able to charge cloud costs back to the teams that incur them.',
    ],
  },
  {
    heading: '3. Clinical Trial Enrollment',
    paragraphs: [
      'Enrollment in the Phase III cardiology trial is running 28% behind plan after nine months, putting the primary completion date of Sept. 2026 at risk. Prof. Okafor, the principal investigator, attributes most of the shortfall to strict exclusion criteria on kidney function.',
      'Sites in rural areas enrolled 1.4 patients per month on average, vs. 3.1 at urban academic centres. Travel distance was the most common reason eligible patients gave for declining to take part. To close the gap, the sponsor will fund transport, add remote follow-up visits by video, and open four community sites (in Ohio, Georgia, Texas and Arizona) by the end of Q2.',
      'It is too early to say whether these changes will recover the lost time. The data monitoring committee will review enrollment again on Mar. 15.',
    ],
  },
  {
    heading: '4. Retail Banking Regulation',
    paragraphs: [
      'In light of increasing regulatory pressure on lenders across the eurozone and its neighbours, banks have adopted new stress-testing frameworks that model climate risk alongside credit and market risk. The European Central Bank now expects lenders to quantify how a sudden rise in carbon prices would affect their loan books. Such exercises were voluntary until 2022.',
      'Capital requirements are also tightening. Under the final Basel III rules, the output floor limits how far internal models can reduce risk-weighted assets, and it is phased in to reach 72.5% by 2030. Mid-sized banks with large mortgage portfolios will feel the strongest effect, because their internal models currently produce the lowest risk weights. As a result, several lenders have raised mortgage pricing by 10 to 15 basis points.',
    ],
  },
  {
    heading: '5. Customer Retention',
    paragraphs: [
      'Monthly churn among small-business subscribers fell from 3.8% to 2.9% over the year. The improvement came almost entirely from customers in their first 90 days. Onboarding calls, introduced in March, were the single biggest factor. Customers who completed a call were half as likely to cancel in their first quarter.',
      'Meanwhile, churn among enterprise accounts stayed flat at 0.6%. Those accounts rarely leave for price reasons. Instead, they leave when their internal champion moves to another company. Account managers now track champion changes through job-change alerts and re-engage the new decision maker within two weeks.',
      'Win-back campaigns recovered 1,240 lapsed customers at a cost of $85 each. That is less than a quarter of the cost of acquiring a new customer through paid search. Pricing changes had little measurable effect on retention. The team recommends extending onboarding calls to mid-market customers next year.',
    ],
  },
];

/** Thirteen unrelated statements that each stand alone, to count bullets by section length. */
const FACTS = [
  'Hospital admissions for respiratory illness peaked in the second week of January.',
  'The pharmacy chain opened eleven new stores across the northern provinces.',
  'Average call waiting time at the billing helpdesk fell to ninety seconds.',
  'Warehouse robots now pick forty percent of all small parcel orders.',
  'Municipal bond yields climbed after the central bank raised its policy rate.',
  'Employee engagement scores improved in every division but manufacturing.',
  'The insurer settled most storm damage claims within twenty working days.',
  'Diesel consumption by the delivery fleet dropped after route optimisation.',
  'Patient satisfaction with outpatient surgery reached a record ninety-two percent.',
  'Software licence spending was renegotiated with three major vendors in spring.',
  'Cash conversion improved as customers paid invoices eight days sooner.',
  'Training hours per technician doubled following the new certification scheme.',
  'Food waste in staff canteens was halved through smaller portion sizes.',
];

/** Every bullet of every section of a report. */
function allBullets(sections: SectionText[], opts?: Parameters<typeof keyPoints>[2]) {
  return sections.flatMap((s, i) => keyPoints(sections, i, opts).map((k) => ({ ...k, section: s })));
}

/** Word count as the spec defines it, straight from Intl.Segmenter. */
const icuWords = (() => {
  const seg = new Intl.Segmenter('en', { granularity: 'word' });
  return (text: string) => [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
})();

function sourceSentence(section: SectionText, k: { paragraph: number; sentence: number }): string {
  return splitSentences(section.paragraphs[k.paragraph])[k.sentence];
}

function isSubsequence(needle: string[], haystack: string[]): boolean {
  let i = 0;
  for (const w of haystack) if (i < needle.length && w === needle[i]) i++;
  return i === needle.length;
}

// Wider than DANGLING_OPENERS on purpose: a second opinion on what leans on the previous sentence.
const LEANING = [
  'however', 'this', 'these', 'that', 'those', 'such', 'it', 'its', 'they', 'their', 'them', 'he', 'she',
  'his', 'her', 'additionally', 'moreover', 'furthermore', 'also', 'thus', 'therefore', 'consequently',
  'instead', 'meanwhile', 'still', 'yet', 'but', 'and', 'or', 'so', 'then', 'finally', 'similarly',
  'likewise', 'hence', 'accordingly', 'nevertheless', 'nonetheless', 'conversely', 'otherwise',
  'besides', 'indeed', 'lastly', 'here', 'as a result', 'in addition', 'on the other hand', 'that said',
  'for example', 'for instance', 'in contrast', 'by contrast', 'in turn', 'as such', 'the latter',
  'the former',
];

function opensOn(text: string, words: Iterable<string>): string | undefined {
  const lower = text.toLowerCase();
  for (const w of words) if (new RegExp(`^${w}(?![\\p{L}\\p{N}])`, 'u').test(lower)) return w;
  return undefined;
}

describe('keyPoints', () => {
  it('gives more bullets to longer sections: n for n ≤ 2, then 2, 3, 4 and 5 from 3, 5, 8 and 12 sentences', () => {
    const expected = (n: number) => (n <= 2 ? n : n <= 4 ? 2 : n <= 7 ? 3 : n <= 11 ? 4 : 5);
    for (let n = 1; n <= FACTS.length; n++) {
      const sections: SectionText[] = [
        { heading: 'Operations review', paragraphs: [FACTS.slice(0, n).join(' ')] },
        { heading: 'Outlook', paragraphs: ['Management expects similar conditions next year.'] },
      ];
      expect(keyPoints(sections, 0), `${n} sentences`).toHaveLength(expected(n));
    }
    expect(keyPoints(REPORT, 1)).toHaveLength(3);
    expect(keyPoints(REPORT, 0)).toHaveLength(4);
    expect(keyPoints(REPORT, 4)).toHaveLength(5);
    const one = [{ heading: 'Summary', paragraphs: ['Revenue grew 8% on higher volumes in every region.'] }];
    expect(keyPoints(one, 0).map((k) => k.text)).toEqual(['Revenue grew 8% on higher volumes in every region']);
  });

  it('takes the number of bullets from the caller when given', () => {
    expect(keyPoints(REPORT, 4, { count: 2 })).toHaveLength(2);
    expect(keyPoints(REPORT, 4, { count: 0 })).toEqual([]);
  });

  it('bullets have at most 20 words', () => {
    for (const k of allBullets(REPORT)) expect(icuWords(k.text).length, k.text).toBeLessThanOrEqual(20);
  });

  it('respects a tighter word limit', () => {
    const bullets = allBullets(REPORT, { maxWords: 8 });
    expect(bullets.length).toBeGreaterThan(0);
    for (const k of bullets) expect(icuWords(k.text).length, k.text).toBeLessThanOrEqual(8);
  });

  it('no bullet opens on a dangling word', () => {
    for (const k of allBullets(REPORT)) {
      expect(opensOn(k.text, DANGLING_OPENERS), k.text).toBeUndefined();
      expect(opensOn(k.text, LEANING), k.text).toBeUndefined();
    }
  });

  it('drops a leading connective and capitalises what follows', () => {
    const sections: SectionText[] = [
      {
        heading: 'Freight costs',
        paragraphs: ['Ocean container rates doubled in the first quarter. However, freight costs fell 9% after the carrier tender in June.'],
      },
      { heading: 'Staffing', paragraphs: ['Warehouse headcount stayed flat at 410 people.'] },
    ];
    expect(keyPoints(sections, 0).map((k) => k.text)).toEqual([
      'Ocean container rates doubled in the first quarter',
      'Freight costs fell 9% after the carrier tender in June',
    ]);
  });

  it('never uses a sentence that opens on a back-reference', () => {
    const texts = allBullets(REPORT).map((k) => k.text);
    for (const t of texts) {
      expect(t).not.toMatch(/^(?:This concentration|These measures|Such exercises|Those accounts|That is)/);
    }
  });

  it('bullets keep source order', () => {
    for (let i = 0; i < REPORT.length; i++) {
      const order = keyPoints(REPORT, i).map((k) => k.paragraph * 1000 + k.sentence);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("every bullet's words appear in the source in order (extractive)", () => {
    for (const k of allBullets(REPORT)) {
      const source = icuWords(sourceSentence(k.section, k)).map((w) => w.toLowerCase());
      const bullet = icuWords(k.text).map((w) => w.toLowerCase());
      expect(isSubsequence(bullet, source), `${k.text}\n  from: ${sourceSentence(k.section, k)}`).toBe(true);
    }
  });

  it('points back at the paragraph and sentence each bullet came from', () => {
    for (const k of allBullets(REPORT)) {
      const first = icuWords(k.text)[0].toLowerCase();
      expect(sourceSentence(k.section, k).toLowerCase()).toContain(first);
    }
  });

  it('strips the final full stop but keeps one that ends an abbreviation', () => {
    for (const k of allBullets(REPORT)) expect(k.text).not.toMatch(/[^.]\.$/);
    expect(toClause('Sales grew in the U.S.')).toBe('Sales grew in the U.S.');
    expect(toClause('The board approved the plan.')).toBe('The board approved the plan');
  });

  it('prefers sentences about the heading topic', () => {
    const texts = keyPoints(REPORT, 2).map((k) => k.text);
    expect(texts.some((t) => /enrollment/i.test(t))).toBe(true);
  });

  it('sections sharing vocabulary still get their distinctive sentences', () => {
    const shared =
      'The customer data platform went live in every region in April and now feeds the reporting dashboards used across the company.';
    const sections: SectionText[] = [
      {
        heading: 'Marketing',
        paragraphs: [`${shared} Marketing now builds campaign audiences in hours instead of weeks, and email click-through rates rose 18% after segmentation.`],
      },
      {
        heading: 'Sales',
        paragraphs: [`${shared} Sales representatives see open support tickets before every renewal call, which helped lift the renewal rate to 91%.`],
      },
      {
        heading: 'Support',
        paragraphs: [`${shared} Support agents resolve billing disputes 35% faster because purchase history appears next to each ticket.`],
      },
    ];
    const picks = sections.map((_, i) => keyPoints(sections, i, { count: 1 }));
    expect(picks.map((p) => p.map((k) => k.sentence))).toEqual([[1], [1], [1]]);
    expect(picks[0][0].text).toMatch(/^Marketing now builds campaign audiences/);
    expect(picks[1][0].text).toMatch(/^Sales representatives see open support tickets/);
    expect(picks[2][0].text).toMatch(/^Support agents resolve billing disputes 35% faster/);
  });

  it('returns nothing rather than a dangling bullet when every sentence leans backwards', () => {
    const sections = [{ heading: 'Outlook', paragraphs: ['This makes the second half harder to predict. It also raises the bar for next year.'] }];
    expect(keyPoints(sections, 0)).toEqual([]);
  });

  it('leaves out a near-duplicate of a bullet already chosen', () => {
    const sections = [
      {
        heading: 'Hiring',
        paragraphs: [
          'The engineering team hired 42 engineers in 2024, mostly in platform and data roles. The engineering team hired 42 engineers in 2024, mostly in platform roles. Attrition fell to 7% after the new career framework launched in May.',
        ],
      },
    ];
    const texts = keyPoints(sections, 0, { count: 3 }).map((k) => k.text);
    expect(texts.filter((t) => t.startsWith('The engineering team hired'))).toHaveLength(1);
  });

  it('handles a section out of range or without prose', () => {
    expect(keyPoints(REPORT, 99)).toEqual([]);
    expect(keyPoints(REPORT, -1)).toEqual([]);
    expect(keyPoints([], 0)).toEqual([]);
    expect(keyPoints([{ heading: 'Empty', paragraphs: [] }], 0)).toEqual([]);
    expect(keyPoints([{ heading: 'Blank', paragraphs: ['  ', '\n'] }], 0)).toEqual([]);
  });

  it('notices when a section changes between calls', () => {
    const sections: SectionText[] = [{ heading: 'Costs', paragraphs: ['Freight costs fell 9% after the carrier tender.'] }];
    expect(keyPoints(sections, 0)[0].text).toBe('Freight costs fell 9% after the carrier tender');
    sections[0].paragraphs[0] = 'Energy costs rose 4% on higher gas prices.';
    expect(keyPoints(sections, 0)[0].text).toBe('Energy costs rose 4% on higher gas prices');
  });

  it('is deterministic', () => {
    const copy = () => REPORT.map((s) => ({ heading: s.heading, paragraphs: [...s.paragraphs] }));
    expect(allBullets(copy()).map((k) => k.text)).toEqual(allBullets(copy()).map((k) => k.text));
  });

  it('condenses every section of a 200-section report', () => {
    const big: SectionText[] = Array.from({ length: 200 }, (_, i) => {
      const s = REPORT[i % REPORT.length];
      return { heading: `${i + 1}. ${s.heading.replace(/^\d+\.\s*/, '')} ${i}`, paragraphs: s.paragraphs.map((p) => `${p} Item ${i} closed.`) };
    });
    const counts = big.map((_, i) => keyPoints(big, i).length);
    expect(counts.every((n) => n >= 1 && n <= 5)).toBe(true);
  });

  it('applies German opener rules: a sentence opening on "Dies" is not used', () => {
    const german: SectionText[] = [
      {
        heading: 'Energiekosten',
        paragraphs: [
          'Die Energiekosten stiegen im dritten Quartal um 14 %. Dies belastete die Marge deutlich. Der Vorstand hat deshalb neue Lieferverträge mit einer Laufzeit von drei Jahren abgeschlossen.',
        ],
      },
      { heading: 'Personal', paragraphs: ['Die Zahl der Beschäftigten blieb stabil.'] },
    ];
    const bullets = keyPoints(german, 0, { lang: 'de' });
    expect(bullets.map((k) => k.sentence)).toEqual([0, 2]);
    for (const k of bullets) expect(countWords(k.text, 'de')).toBeLessThanOrEqual(20);
  });

  it('counts about two CJK characters as a word and trims Chinese at a clause boundary', () => {
    expect(countWords('会议在今天举行', 'zh')).toBe(4);
    const chinese: SectionText[] = [
      {
        heading: '预算',
        paragraphs: [
          '会议在今天举行，我们讨论了明年的预算和人员安排，并决定在第三季度之前完成新系统的部署和测试工作，同时加强对供应商的审查和管理。预算总额比去年增加了百分之八。',
        ],
      },
    ];
    const bullets = keyPoints(chinese, 0, { lang: 'zh' });
    expect(bullets.length).toBeGreaterThan(0);
    for (const k of bullets) expect(countWords(k.text, 'zh')).toBeLessThanOrEqual(20);
  });
});

/** A section to condense, and a second one so that terms have something to contrast with. */
function withContrast(paragraphs: string[], heading = 'Operations'): SectionText[] {
  return [
    { heading, paragraphs },
    { heading: 'Staffing', paragraphs: ['Headcount stayed flat at 410 people across the three sites.'] },
  ];
}

describe('keyPoints: the first sentence of a section', () => {
  const texts = (paragraphs: string[]) => keyPoints(withContrast(paragraphs, 'Outpatient booking'), 0).map((k) => k.text);

  it('may open on "This" or "These" with a noun: nothing comes before it', () => {
    expect(
      texts([
        'This project delivers a single booking platform for all 40 outpatient clinics in the region. It replaces six legacy systems that each clinic ran on its own.',
        'Patients will be able to book, move and cancel appointments online from May.',
      ]),
    ).toEqual([
      'This project delivers a single booking platform for all 40 outpatient clinics in the region',
      'Patients will be able to book, move and cancel appointments online from May',
    ]);
    expect(texts(['These results show that no-show rates fell by a third after text reminders were introduced.'])).toEqual([
      'These results show that no-show rates fell by a third after text reminders were introduced',
    ]);
  });

  it('still loses a leading connective', () => {
    expect(texts(['However, this report reviews the first year of online booking at the outpatient clinics.'])).toEqual([
      'This report reviews the first year of online booking at the outpatient clinics',
    ]);
  });

  it('is not used when "This" stands for a clause ("This means …")', () => {
    expect(texts(['This means the clinics will need two more receptionists each. Online booking opens in May.'])).toEqual([
      'Online booking opens in May',
    ]);
  });

  it('is the only one: later sentences opening on "This …" lean on the one before', () => {
    const bullets = keyPoints(
      withContrast(['Patients will be able to book, move and cancel appointments online from May. This project delivers a single booking platform for the region.', 'This platform replaces six legacy systems.'], 'Outpatient booking'),
      0,
    );
    expect(bullets.map((k) => k.text)).toEqual(['Patients will be able to book, move and cancel appointments online from May']);
  });
});

describe('condensing keeps what a sentence means', () => {
  it('keeps a short conditional sentence whole', () => {
    expect(toClause('Unless funding is approved by March, the migration will be cancelled.')).toBe(
      'Unless funding is approved by March, the migration will be cancelled',
    );
  });

  // Each is over 20 words, and dropping the lead-in would make the rest fit.
  const CONDITIONAL: Array<[string, string]> = [
    ['Unless the regional health authority approves the additional funding request by the end of March next year, the clinic migration will be cancelled.', 'Unless'],
    ['If vacancy rates stay above 12% through the winter months in the three northern districts, the hospital group will close two wards.', 'If'],
    ['Although demand for the premium tier recovered in the second half of the year across most markets, subscription revenue still fell 4%.', 'Although'],
    ['Even though the new rostering system cut overtime hours by a third across all depots and both call centres, driver turnover stayed at 18%.', 'Even though'],
    ['Provided the board signs off on the revised capital plan at its June meeting in Rotterdam, construction of the new cold store starts in August.', 'Provided'],
    ['Whether or not the merger with the regional lender closes before the end of the financial year, the integration office will stay open.', 'Whether'],
    ['Until the vendor fixes the reconciliation fault in the general ledger module of the finance system, month-end close will take two extra days.', 'Until'],
    ['When interest rates rise by more than one percentage point within a single quarter, mortgage refinancing volumes at the bank drop sharply.', 'When'],
    ['Only if both unions accept the revised pay offer before the consultation period ends will the strike at the two depots be called off.', 'Only if'],
    ['Excluding one-off gains from the property sale in Leeds and the release of tax provisions in Germany, operating profit rose 3%.', 'Excluding'],
    ['However, unless the regulator extends the deadline for the new reporting standard beyond June, the bank will have to restate its 2024 accounts.', 'Unless'],
    ['In the first quarter, unless the landlord agrees to cut the rent on the flagship store in the city centre, the retailer will close it.', 'In the first quarter, unless'],
  ];

  it.each(CONDITIONAL)('never drops a conditional or concessive lead-in: %s', (sentence, opener) => {
    const c = toClause(sentence);
    if (c === undefined) return;
    expect(c.startsWith(opener), c).toBe(true);
    expect(icuWords(c).length).toBeLessThanOrEqual(20);
    // A cut marks itself, and reaches into the main clause: the condition alone says nothing.
    if (countWords(c) < countWords(sentence)) expect(c).toMatch(/…$/);
    const comma = c.indexOf(', ', opener.length + 1);
    expect(comma, c).toBeGreaterThan(0);
  });

  it('never states the main clause of a conditional sentence as a bullet', () => {
    const sections = withContrast(CONDITIONAL.map(([s]) => s), 'Risks and dependencies');
    const bullets = keyPoints(sections, 0, { count: CONDITIONAL.length });
    expect(bullets.length).toBeGreaterThan(0);
    for (const k of bullets) {
      const [, opener] = CONDITIONAL[k.paragraph];
      expect(k.text.startsWith(opener), k.text).toBe(true);
    }
  });

  it('does not use a sentence whose condition is the previous sentence', () => {
    expect(toClause('Otherwise, the project will be cancelled.')).toBeUndefined();
    expect(toClause('In that case, the plant in Tilburg will close in May.')).toBeUndefined();
    expect(toClause('Until then, the old billing system stays in service.')).toBeUndefined();
  });

  it('never cuts away a condition that follows the main clause', () => {
    const unless = toClause(
      'The migration to the new billing platform will be cancelled in the second quarter, unless the board approves the additional funding by March.',
    );
    if (unless !== undefined) expect(unless).toMatch(/, unless the board/);
    const tariffs = toClause('Revenue will grow 5% next year, driven by exports to the Gulf states and Southeast Asia, unless new tariffs are imposed on steel.');
    if (tariffs !== undefined) expect(tariffs).toMatch(/unless new tariffs/);
    const only = toClause('Sales rose 4% in the third quarter, but only in the two regions where the new loyalty scheme had already launched.');
    if (only !== undefined) expect(only).toMatch(/but only in the two regions/);
    // Short enough to keep, long enough that a trailing clause would normally go.
    expect(toClause('Prices for existing customers stay flat next year, as long as fuel costs stay below the agreed ceiling.')).toBe(
      'Prices for existing customers stay flat next year, as long as fuel costs stay below the agreed ceiling',
    );
    expect(toClause('Margins at the Nordic pharmacy chain improved for a third quarter, albeit only slightly.')).toBe(
      'Margins at the Nordic pharmacy chain improved for a third quarter, albeit only slightly',
    );
  });

  it('keeps an aside that sets a condition, and still drops one that does not', () => {
    expect(
      toClause('The new clinic in Aarhus opens in September (if the regional permit is granted in time) and will serve 12,000 patients.'),
    ).toMatch(/^The new clinic in Aarhus opens in September \(if the regional permit is granted in time\)/);
    expect(
      toClause('The new clinic in Aarhus opens in September (after a delay of two months caused by the contractor) and will serve 12,000 patients.'),
    ).toBe('The new clinic in Aarhus opens in September and will serve 12,000 patients');
  });

  const LISTS: Array<[string, string[]]> = [
    [
      'Operating costs rose because of the weak demand, the high fixed costs, and the late deliveries from our two largest suppliers in Asia.',
      ['the weak demand', 'the high fixed costs', 'the late deliveries'],
    ],
    [
      'Ward occupancy rose because of the early flu season, the shortage of community nurses, and the closure of two walk-in clinics last spring.',
      ['the early flu season', 'the shortage of community nurses', 'the closure of two walk-in clinics'],
    ],
    [
      'Revenue in the retail segment declined 6% on weaker footfall, lower average basket sizes, and the loss of two anchor tenants in March.',
      ['weaker footfall', 'lower average basket sizes', 'the loss of two anchor tenants'],
    ],
    [
      'The plan covers three areas of the business: pricing, including discounts for resellers; staffing at both call centres; and logistics.',
      ['pricing', 'staffing at both call centres', 'logistics'],
    ],
  ];

  it.each(LISTS)('keeps every item of a list or marks the cut: %s', (sentence, items) => {
    const c = toClause(sentence);
    expect(c).toBeDefined();
    const complete = items.every((item) => c!.includes(item));
    const none = items.every((item) => !c!.includes(item));
    // Cutting before the list ("Three factors drove …: …") drops it whole, which misleads no one.
    expect(complete || none || c!.endsWith('…'), c).toBe(true);
  });

  it('still cuts at a clause boundary outside a list', () => {
    expect(
      toClause('We cut freight costs in Spain, Italy and France, which lifted the gross margin of the southern region by almost two percentage points last year.'),
    ).toBe('We cut freight costs in Spain, Italy and France');
    expect(
      toClause('Staff turnover fell at the Bristol contact centre, and the average handling time for billing queries dropped from nine minutes to six after the new scripts went live.'),
    ).toBe('Staff turnover fell at the Bristol contact centre');
  });

  it('never ends a word cut inside a hyphenated compound', () => {
    const c = toClause('Ward occupancy rose because of the early flu season, the shortage of community nurses, and the closure of two walk-in clinics in the city centre last spring.');
    expect(c).toMatch(/…$/);
    expect(c).not.toMatch(/walk…$/);
  });
});

/**
 * One section per language: a sentence opening on a connective (dropped, with its comma), one opening
 * on a pronoun or demonstrative that points at it (not used), and a plain statement.
 */
const LANGUAGES: Array<{ lang: string; sentences: [string, string, string]; joiner?: string; dropped: string }> = [
  {
    lang: 'de-DE',
    sentences: [
      'Aber die Frachtkosten sanken im zweiten Quartal um 9 %.',
      'Dies entlastete die Bruttomarge des Konzerns deutlich.',
      'Der Auftragsbestand erreichte im Juni einen Rekordwert.',
    ],
    dropped: 'Die Frachtkosten sanken im zweiten Quartal um 9 %',
  },
  {
    lang: 'fr',
    sentences: [
      'Cependant, les coûts logistiques ont baissé de 9 % au deuxième trimestre.',
      'Cela a soutenu la marge brute du groupe.',
      'Le carnet de commandes a atteint un niveau record en juin.',
    ],
    dropped: 'Les coûts logistiques ont baissé de 9 % au deuxième trimestre',
  },
  {
    lang: 'es-MX',
    sentences: [
      'Sin embargo, los costes de transporte cayeron un 9 % en el segundo trimestre.',
      'Esto mejoró el margen bruto del grupo.',
      'La cartera de pedidos alcanzó un récord en junio.',
    ],
    dropped: 'Los costes de transporte cayeron un 9 % en el segundo trimestre',
  },
  {
    lang: 'pt-BR',
    sentences: [
      'No entanto, os custos de frete caíram 9 % no segundo trimestre.',
      'Isso melhorou a margem bruta do grupo.',
      'A carteira de encomendas atingiu um recorde em junho.',
    ],
    dropped: 'Os custos de frete caíram 9 % no segundo trimestre',
  },
  {
    lang: 'it',
    sentences: [
      'Tuttavia, i costi di trasporto sono scesi del 9 % nel secondo trimestre.',
      'Questo ha migliorato il margine lordo del gruppo.',
      'Il portafoglio ordini ha raggiunto un record a giugno.',
    ],
    dropped: 'I costi di trasporto sono scesi del 9 % nel secondo trimestre',
  },
  {
    lang: 'nl',
    sentences: [
      'Maar de vrachtkosten daalden met 9 % in het tweede kwartaal.',
      'Dit verbeterde de brutomarge van de groep.',
      'De orderportefeuille bereikte in juni een record.',
    ],
    dropped: 'De vrachtkosten daalden met 9 % in het tweede kwartaal',
  },
  {
    lang: 'ru',
    sentences: [
      'Однако расходы на логистику снизились на 9 % во втором квартале.',
      'Это улучшило валовую маржу группы.',
      'Портфель заказов в июне достиг рекордного уровня.',
    ],
    dropped: 'Расходы на логистику снизились на 9 % во втором квартале',
  },
  {
    lang: 'zh-Hans-CN',
    sentences: ['然而，物流成本在第二季度下降了9%。', '这提高了集团的毛利率。', '六月份的订单量创下历史新高。'],
    joiner: '',
    dropped: '物流成本在第二季度下降了9%',
  },
  {
    lang: 'ja',
    sentences: ['しかし、物流コストは第2四半期に9%減少した。', 'これは粗利益率を押し上げた。', '6月の受注残高は過去最高を記録した。'],
    joiner: '',
    dropped: '物流コストは第2四半期に9%減少した',
  },
  {
    lang: 'ko',
    sentences: ['하지만 물류 비용은 2분기에 9% 감소했다.', '이는 매출 총이익률을 높였다.', '6월 수주 잔고는 사상 최고치를 기록했다.'],
    dropped: '물류 비용은 2분기에 9% 감소했다',
  },
  {
    lang: 'ar',
    sentences: [
      'ومع ذلك، انخفضت تكاليف الشحن بنسبة 9% في الربع الثاني.',
      'هذا يعني تحسن هامش الربح الإجمالي للمجموعة.',
      'بلغ حجم الطلبات في يونيو مستوى قياسيا.',
    ],
    dropped: 'انخفضت تكاليف الشحن بنسبة 9% في الربع الثاني',
  },
];

describe('opener rules beyond English', () => {
  it.each(LANGUAGES)('$lang: drops a connective and never uses a sentence that leans back', ({ lang, sentences, joiner, dropped }) => {
    const sections = withContrast([sentences.join(joiner ?? ' ')], '');
    const bullets = keyPoints(sections, 0, { lang, count: 3 });
    // In scripts without case (Chinese, Japanese, Korean, Arabic) what is left is exactly the rest.
    expect(bullets[0].text).toBe(dropped);
    expect(bullets.map((k) => k.sentence)).toEqual([0, 2]);
  });

  it('German: a fronted connective keeps its verb next to it, so the sentence is not used', () => {
    expect(toClause('Deshalb hat der Vorstand neue Lieferverträge abgeschlossen.', 20, 'de')).toBeUndefined();
    expect(toClause('Darüber hinaus sanken die Frachtkosten um 9 %.', 20, 'de')).toBeUndefined();
    expect(toClause('Das bedeutet höhere Kosten für alle Standorte.', 20, 'de')).toBeUndefined();
    // "Das" is also an article, "Es gibt" points at nothing, and "Dieses Jahr" at the report's year.
    expect(toClause('Das Werk in Leipzig wurde im Mai eröffnet.', 20, 'de')).toBe('Das Werk in Leipzig wurde im Mai eröffnet');
    expect(toClause('Es gibt drei Gründe für den Rückgang.', 20, 'de')).toBe('Es gibt drei Gründe für den Rückgang');
    expect(toClause('Dieses Jahr stiegen die Umsätze in allen Regionen.', 20, 'de')).toBe('Dieses Jahr stiegen die Umsätze in allen Regionen');
    expect(toClause('Auch wenn die Nachfrage sinkt, bleibt das Werk geöffnet.', 20, 'de')).toBe('Auch wenn die Nachfrage sinkt, bleibt das Werk geöffnet');
  });

  it('French: elided and impersonal openers', () => {
    expect(toClause('D’ailleurs, la demande a augmenté dans toutes les régions.', 20, 'fr')).toBe('La demande a augmenté dans toutes les régions');
    expect(toClause("C'est pourquoi la direction a revu ses prévisions.", 20, 'fr')).toBe('La direction a revu ses prévisions');
    expect(toClause('Il y a trois raisons à la baisse des ventes.', 20, 'fr')).toBe('Il y a trois raisons à la baisse des ventes');
    expect(toClause('Il faut noter que la marge a baissé.', 20, 'fr')).toBeUndefined();
    expect(toClause('Cette année, les ventes ont progressé de 5 %.', 20, 'fr')).toBe('Cette année, les ventes ont progressé de 5 %');
  });

  it('Chinese: matched on characters, without mistaking a word that starts like a connective', () => {
    expect(toClause('并购交易在第二季度增加了三成。', 20, 'zh')).toBe('并购交易在第二季度增加了三成');
    expect(toClause('因此公司决定关闭两个仓库。', 20, 'zh')).toBe('公司决定关闭两个仓库');
    // Without a comma, 另外 is "the other": the sentence points back.
    expect(toClause('另外两家工厂的产量保持稳定。', 20, 'zh')).toBeUndefined();
    expect(toClause('另外，两家工厂的产量保持稳定。', 20, 'zh')).toBe('两家工厂的产量保持稳定');
  });

  it('Arabic: the Arabic comma after a connective goes too, and nothing is capitalised', () => {
    expect(toClause('بالإضافة إلى ذلك، ارتفعت المبيعات بنسبة 5% في جميع المناطق.', 20, 'ar')).toBe('ارتفعت المبيعات بنسبة 5% في جميع المناطق');
    expect(toClause('لكن المبيعات ارتفعت في جميع المناطق.', 20, 'ar')).toBe('المبيعات ارتفعت في جميع المناطق');
    expect(toClause('هذا يعني ارتفاع التكاليف في جميع المواقع.', 20, 'ar')).toBeUndefined();
  });

  it('keeps a condition when cutting in other languages', () => {
    const zh = toClause('如果董事会在三月之前没有批准追加资金，迁移项目将在第二季度被取消，相关团队也将解散并重新分配到其他部门。', 20, 'zh');
    expect(zh).toMatch(/^如果董事会在三月之前没有批准追加资金，迁移项目/);
    const trailing = toClause('迁移项目将在第二季度被取消，除非董事会在三月之前批准追加资金并完成对主要供应商的审查。', 20, 'zh');
    if (trailing !== undefined) expect(trailing).toMatch(/除非/);
  });

  it('uses no opener rules for a language without them', () => {
    expect(toClause('Dette reduserte bruttomarginen.', 20, 'nb')).toBe('Dette reduserte bruttomarginen');
  });
});

describe('toClause', () => {
  it('keeps a short sentence whole', () => {
    expect(toClause('Churn fell to 2.9% in the fourth quarter.')).toBe('Churn fell to 2.9% in the fourth quarter');
  });

  it('drops "However," or "As a result," and capitalises the next word', () => {
    expect(toClause('However, the new suppliers still need time to match the incumbents.')).toBe(
      'The new suppliers still need time to match the incumbents',
    );
    expect(toClause('As a result, several lenders have raised mortgage pricing.')).toBe('Several lenders have raised mortgage pricing');
    expect(toClause('Additionally, iPhone sales rose 4% in the quarter.')).toBe('iPhone sales rose 4% in the quarter');
  });

  it('rejects a sentence that opens on a pronoun or demonstrative', () => {
    expect(toClause('This concentration left the division exposed.')).toBeUndefined();
    expect(toClause('These measures require little engineering effort.')).toBeUndefined();
    expect(toClause("It's too early to say.")).toBeUndefined();
    expect(toClause('However, they leave when their internal champion moves on.')).toBeUndefined();
  });

  it('keeps a demonstrative that points at time, dropping the lead-in', () => {
    expect(toClause('This year, revenue across all three regions rose by 14% to $2.3 billion.')).toBe(
      'Revenue across all three regions rose by 14% to $2.3 billion',
    );
  });

  it('cuts a long sentence at a clause boundary, keeping the main clause', () => {
    expect(
      toClause(
        'Cross-docking lets the Leeds hub move inbound pallets straight onto outbound trailers, thus cutting the time goods spend in storage by almost a day.',
      ),
    ).toBe('Cross-docking lets the Leeds hub move inbound pallets straight onto outbound trailers');
    expect(
      toClause(
        'Energy audits are now complete at all nine plants, and each of them found at least three quick savings worth more than $50,000 a year.',
      ),
    ).toBe('Energy audits are now complete at all nine plants');
    expect(
      toClause(
        'Operating profit rose 18% to $7.4M in the second half, driven mainly by higher utilisation of the new cold-store capacity in Rotterdam.',
      ),
    ).toBe('Operating profit rose 18% to $7.4M in the second half');
    expect(
      toClause(
        'Three factors drove the improvement in gross margin over the period under review: lower freight rates, a richer product mix, and fewer promotional markdowns.',
      ),
    ).toBe('Three factors drove the improvement in gross margin over the period under review');
  });

  it('drops a long introductory phrase when the rest stands alone', () => {
    expect(
      toClause(
        'In light of increasing regulatory pressure on lenders across the eurozone and the wider region, banks have adopted new stress-testing frameworks that model climate risk.',
      ),
    ).toBe('Banks have adopted new stress-testing frameworks that model climate risk');
    expect(
      toClause(
        'By consolidating its logistics vendors from fourteen regional carriers down to three national partners over eighteen months, the team cut shipping costs by 12%.',
      ),
    ).toBe('The team cut shipping costs by 12%');
  });

  it('drops a connective phrase such as "In practice,"', () => {
    expect(toClause('In practice, most alerts were ignored.')).toBe('Most alerts were ignored');
  });

  it('only looks at the first word: a pronoun later in the clause is fine', () => {
    expect(toClause('During the pilot, it failed twice.')).toBe('During the pilot, it failed twice');
  });

  it('keeps a lead-in when dropping it would leave a dangling or too-short clause', () => {
    const c = toClause(
      'Following a long and at times difficult negotiation with the three largest unions over pay, pensions and working hours, it was signed.',
    );
    expect(c).toMatch(/^Following a long and at times difficult negotiation/);
    expect(c).toMatch(/…$/);
  });

  it('does not cut at the dashes around an aside, but may drop the aside', () => {
    expect(
      toClause(
        'The new pricing plan for enterprise customers — approved by the board in May after two rounds of review — cut average discounting by a third.',
      ),
    ).toBe('The new pricing plan for enterprise customers cut average discounting by a third');
  });

  it('drops a relative clause between commas rather than cutting the sentence short', () => {
    expect(
      toClause('Ms. Ortiz, who joined from a competitor in January, now leads the combined sales and customer success organisation of roughly 240 people.'),
    ).toBe('Ms. Ortiz now leads the combined sales and customer success organisation of roughly 240 people');
  });

  it('does not mistake a list item ending in -ing for a trailing clause', () => {
    const c = toClause(
      'We reviewed 312 contracts with suppliers, distributors, logistics partners, marketing agencies, software vendors, and cleaning companies across nine countries last year.',
    );
    expect(c).toMatch(/marketing agencies/);
    expect(icuWords(c!).length).toBeLessThanOrEqual(20);
  });

  it('does not cut inside parentheses or quotes', () => {
    const paren = toClause(
      'Our warehouse network grew quickly during the year (it now spans 42 sites in 11 countries, including three automated hubs in Rotterdam, Leipzig and Lyon) and handled 3.2 million parcels.',
    );
    expect(paren).toBeDefined();
    expect((paren!.match(/\(/g) ?? []).length).toBe((paren!.match(/\)/g) ?? []).length);
    const quoted = toClause(
      'Our last outlook said "the market for residential heat pumps in northern Europe will likely double by 2030, driven by subsidies and rising gas prices" and that still holds.',
    );
    if (quoted !== undefined) expect((quoted.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('falls back to a word cut marked with an ellipsis, not ending on a number without its unit', () => {
    const cut = toClause(
      'Customer satisfaction scores improved in every region we measured during the review period and the survey response rate nearly doubled compared with the prior year as well.',
    );
    expect(cut).toMatch(/…$/);
    expect(icuWords(cut!).length).toBeLessThanOrEqual(20);
    const numeric = toClause('Headcount in the two new offices in Austin and Denver grew from 40 to 65 during the year and is budgeted to reach 90 engineers and 25 analysts by 2026 under the plan.', 20);
    expect(numeric).toMatch(/…$/);
    expect(numeric).not.toMatch(/\d…$/);
  });

  it('never exceeds the limit it is given', () => {
    for (const max of [1, 3, 5, 8, 12, 20]) {
      for (const s of REPORT.flatMap((x) => x.paragraphs.flatMap((p) => splitSentences(p)))) {
        const c = toClause(s, max);
        if (c !== undefined) expect(icuWords(c).length, `${max}: ${c}`).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('countWords', () => {
  it('matches Intl.Segmenter on Latin text (the fast path)', () => {
    const alphabet = [...'ab1_:.,;\'’‘ -éÆ9xZ—…"()%$\n\t', 'ñ', 'ß', 'Œ', 'ǅ', 'ª'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(countWords(text)).toBe(icuWords(text).length);
      }),
      { numRuns: 3000 },
    );
    for (const s of REPORT.flatMap((x) => x.paragraphs)) expect(countWords(s)).toBe(icuWords(s).length);
  });
});

describe('properties', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom('However,', 'This', 'it', 'Dr.', 'U.S.', '3.5%', 'sales', 'rose', '.', '—', '(', ')', '"', ',', 'e.g.', '会议', '\n', ' '), { maxLength: 120 }).map((a) => a.join(' ')),
    fc.constant(''),
    fc.constant('   \n\t '),
    fc.constant('Revenue rose and costs fell and '.repeat(400)),
  );
  const section = fc.record({ heading: text, paragraphs: fc.array(text, { maxLength: 4 }) });

  it('keyPoints never throws and respects the limits', () => {
    fc.assert(
      fc.property(
        fc.array(section, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        (sections, i, maxWords, count) => {
          const index = i % sections.length;
          const bullets = keyPoints(sections, index, { maxWords, count });
          const limit = maxWords ?? 20;
          if (count !== undefined) expect(bullets.length).toBeLessThanOrEqual(count);
          else expect(bullets.length).toBeLessThanOrEqual(5);
          const section = sections[index];
          const firstParagraph = section.paragraphs.findIndex((p) => typeof p === 'string' && splitSentences(p).length > 0);
          for (const k of bullets) {
            expect(countWords(k.text)).toBeLessThanOrEqual(limit);
            expect(countWords(k.text)).toBeGreaterThan(0);
            // Only the section's first sentence may open on "This …" or "These …" (with a noun).
            const opening = k.paragraph === firstParagraph && k.sentence === 0;
            const opener = opensOn(k.text, DANGLING_OPENERS);
            if (!(opening && (opener === 'this' || opener === 'these'))) expect(opener, k.text).toBeUndefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('toClause never throws and stays within the limit', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 25 }), (s, max) => {
        const c = toClause(s, max);
        if (c !== undefined) expect(countWords(c)).toBeLessThanOrEqual(max);
      }),
      { numRuns: 500 },
    );
  });
});
