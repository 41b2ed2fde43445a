/**
 * The fixture loop: every report in test/fixtures plans to the deck stored beside it. A change to the
 * planner that moves any slide shows up here; accept it on purpose with UPDATE_GOLDEN=1.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFile } from '../../src/pipeline.js';
import { FIXTURES, fixtureReports } from '../helpers/fixtures.js';

describe('fixture reports plan to their golden decks', () => {
  for (const name of fixtureReports()) {
    it(name, async () => {
      const { deck } = await planFile(path.join(FIXTURES, name));
      const golden = path.join(FIXTURES, name.replace(/\.md$/, '.deck.json'));
      const json = `${JSON.stringify(deck, null, 2)}\n`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, json);
      expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run test/plan`).toBe(true);
      expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});
