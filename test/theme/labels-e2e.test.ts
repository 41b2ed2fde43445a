/**
 * The words briefdeck adds to a deck (Agenda, Key takeaways…) speak the report's language, found
 * from its text when the front matter does not say, and a theme can reword them for one language.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { readPptx } from '../helpers/pptx.js';
import { tempDir } from '../helpers/tmp.js';

const GERMAN = `---
title: Lagerstandort Bremen — Quartalsbericht
author: Standortleitung
---

# Lagerstandort Bremen — Quartalsbericht

## Umschlag und Auslastung
Im dritten Quartal haben wir 18.400 Paletten umgeschlagen, das sind neun Prozent mehr als im Vorjahr. Die Auslastung der Regalflächen lag im Durchschnitt bei 87 Prozent und erreichte im September erstmals die Grenze von 95 Prozent.

## Personal und Schichten
Die Einführung der vierten Schicht hat die Wartezeiten an den Rampen deutlich verkürzt. Gleichzeitig ist der Krankenstand auf sechs Prozent gestiegen, weil die Nachtschicht noch nicht voll besetzt ist.

## Kosten
Die Energiekosten sind gegenüber dem Vorquartal um elf Prozent gesunken, nachdem die Beleuchtung in Halle 2 auf LED umgestellt wurde. Die Kosten für Leiharbeit lagen dagegen deutlich über dem Plan.

## Ausblick
Für das vierte Quartal erwarten wir wegen des Weihnachtsgeschäfts eine Auslastung von über 95 Prozent. Wir prüfen deshalb, ob wir eine zusätzliche Halle für drei Monate anmieten.
`;

const FRENCH = `---
title: Entrepôt de Lyon — Bilan du trimestre
---

# Entrepôt de Lyon — Bilan du trimestre

## Volumes traités
Au troisième trimestre, nous avons expédié 12 300 commandes, soit une hausse de huit pour cent par rapport à l'an dernier. Le taux d'erreur de préparation est descendu à 0,4 pour cent grâce aux nouveaux lecteurs de codes-barres.

## Équipes et horaires
Le passage aux horaires décalés a réduit les heures supplémentaires d'un quart. Les équipes du soir restent toutefois incomplètes, et nous avons dû faire appel à des intérimaires pendant les deux dernières semaines de septembre.

## Coûts
Les dépenses d'énergie ont baissé de dix pour cent depuis l'installation des panneaux solaires sur le toit du bâtiment B. Le coût des emballages a en revanche augmenté plus vite que prévu.

## Perspectives
Nous prévoyons une forte hausse des volumes avant les fêtes. Une cellule supplémentaire sera louée pour trois mois afin d'absorber le pic d'activité.
`;

const ARABIC = `---
title: مستودع جدة — تقرير الربع الثالث
lang: ar
---

# مستودع جدة — تقرير الربع الثالث

## حجم الشحنات
ارتفع عدد الشحنات المنجزة في الربع الثالث إلى 9200 شحنة، بزيادة قدرها سبعة في المئة مقارنة بالعام الماضي. وانخفض متوسط وقت التحميل من 45 دقيقة إلى 31 دقيقة بعد تشغيل الرصيف الجديد.

## فريق العمل
انضم إلى الفريق اثنا عشر موظفًا جديدًا في قسم التخزين. وما زالت الوردية الليلية تحتاج إلى مشرف إضافي قبل نهاية العام.

## التكاليف
تراجعت تكاليف الكهرباء بنسبة عشرة في المئة بفضل الإضاءة الموفرة للطاقة، بينما ارتفعت تكاليف التغليف أكثر من المتوقع.
`;

interface PlannedSlide {
  layout: string;
  title: string;
}

/** Writes the report into a fresh folder; returns the folder. */
function withReport(name: string, text: string, files: Record<string, string> = {}): string {
  const dir = tempDir('briefdeck-labels-');
  writeFileSync(path.join(dir, name), text);
  for (const [f, content] of Object.entries(files)) writeFileSync(path.join(dir, f), content);
  return dir;
}

function plan(dir: string, report: string, ...args: string[]): { lang: string; slides: PlannedSlide[] } {
  const r = briefdeck(['plan', report, '--json', ...args], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  const deck = JSON.parse(r.stdout);
  return { lang: deck.meta.lang, slides: deck.slides };
}

const titleOf = (slides: PlannedSlide[], layout: string) => slides.find((s) => s.layout === layout)?.title;

/** The title of the deck's slide of `layout`, as the HTML shows it. */
function htmlTitle(html: string, layout: string): string | undefined {
  return new RegExp(`<section class="layout-${layout}[^"]*"[^>]*>\\s*<h2 class="box title"[^>]*><span>([^<]*)</span>`).exec(html)?.[1];
}

describe('labels in the report\'s language', () => {
  it('are German for a report written in German that does not say so, in the plan, the deck and the PPTX', async () => {
    const dir = withReport('bremen.md', GERMAN);
    const planned = plan(dir, 'bremen.md');
    expect(planned.lang).toBe('de');
    expect(titleOf(planned.slides, 'agenda')).toBe('Agenda');
    expect(titleOf(planned.slides, 'takeaways')).toBe('Das Wichtigste');
    expect(planned.slides.map((s) => s.title)).not.toContain('Key takeaways');

    const r = briefdeck(['build', 'bremen.md', '-f', 'html,pptx', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'out', 'bremen.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="de" dir="ltr">/);
    expect(htmlTitle(html, 'agenda')).toBe('Agenda');
    expect(htmlTitle(html, 'takeaways')).toBe('Das Wichtigste');

    const pptx = await readPptx(readFileSync(path.join(dir, 'out', 'bremen.pptx')));
    expect(pptx.slides.map((s) => s.title)).toEqual(expect.arrayContaining(['Agenda', 'Das Wichtigste']));
  });

  it('are French ("Sommaire", "À retenir") for a report written in French that does not say so', () => {
    const dir = withReport('lyon.md', FRENCH);
    const planned = plan(dir, 'lyon.md');
    expect(planned.lang).toBe('fr');
    expect(titleOf(planned.slides, 'agenda')).toBe('Sommaire');
    expect(titleOf(planned.slides, 'takeaways')).toBe('À retenir');

    const r = briefdeck(['build', 'lyon.md', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'out', 'lyon.html'), 'utf8');
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(htmlTitle(html, 'agenda')).toBe('Sommaire');
    expect(htmlTitle(html, 'takeaways')).toBe('À retenir');
  });

  it('follow the front matter\'s lang over the text: a German report marked lang: en gets English ones', () => {
    const dir = withReport('bremen.md', GERMAN.replace('author: Standortleitung\n', 'author: Standortleitung\nlang: en\n'));
    const planned = plan(dir, 'bremen.md');
    expect(planned.lang).toBe('en');
    expect(titleOf(planned.slides, 'takeaways')).toBe('Key takeaways');
  });
});

describe('labels a theme rewords', () => {
  it('for one language change that language only', () => {
    const theme = 'extends: default\nlabels:\n  de:\n    takeaways: Kurz gesagt\n';
    const dir = withReport('bremen.md', GERMAN, { 'lyon.md': FRENCH, 'brand.yaml': theme });

    const german = plan(dir, 'bremen.md', '-t', './brand.yaml');
    expect(titleOf(german.slides, 'takeaways')).toBe('Kurz gesagt');
    expect(titleOf(german.slides, 'agenda')).toBe('Agenda');
    expect(titleOf(plan(dir, 'lyon.md', '-t', './brand.yaml').slides, 'takeaways')).toBe('À retenir');

    const r = briefdeck(['build', 'bremen.md', '-t', './brand.yaml', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'out', 'bremen.html'), 'utf8');
    expect(htmlTitle(html, 'takeaways')).toBe('Kurz gesagt');
    expect(html).not.toContain('Das Wichtigste');
  });

  it('flat for every language, with a language\'s own entry winning (the harbour fixture theme)', () => {
    // harbour.yaml: takeaways "What to remember" for every language, "Zum Mitnehmen" for German.
    const theme = path.join(FIXTURES, 'themes', 'harbour.yaml');
    const dir = withReport('bremen.md', GERMAN, { 'lyon.md': FRENCH });
    expect(titleOf(plan(dir, 'bremen.md', '-t', theme).slides, 'takeaways')).toBe('Zum Mitnehmen');
    expect(titleOf(plan(dir, 'lyon.md', '-t', theme).slides, 'takeaways')).toBe('What to remember');
    // Only what the theme names changes: the French agenda keeps its French title.
    expect(titleOf(plan(dir, 'lyon.md', '-t', theme).slides, 'agenda')).toBe('Sommaire');
  });
});

describe('a report in a right-to-left language', () => {
  it('is an Arabic deck: lang="ar", dir="rtl" and Arabic labels', () => {
    const dir = withReport('jeddah.md', ARABIC);
    const planned = plan(dir, 'jeddah.md');
    expect(planned.lang).toBe('ar');
    expect(titleOf(planned.slides, 'takeaways')).toBe('أهم النقاط');

    const r = briefdeck(['build', 'jeddah.md', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'out', 'jeddah.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(htmlTitle(html, 'takeaways')).toBe('أهم النقاط');
  });
});
