/**
 * What a theme file may hold. Every field is optional in a file: what it leaves out comes from the
 * theme it `extends:` (the default one when it names none). Unknown fields are errors, so a typo
 * (`colours:`) is caught instead of silently ignored.
 */
import { createRequire } from 'node:module';
import type { z as Z } from 'zod';
import { isColour } from './colors.js';
import { LABEL_KEYS } from '../plan/labels.js';

const COLOR_KEYS = [
  'background', 'text', 'heading', 'accent', 'accentText', 'muted', 'codeBackground', 'codeText',
  'tableHeader', 'tableHeaderText', 'tableStripe', 'rule', 'titleBackground', 'titleText',
] as const;
const CODE_KEYS = ['keyword', 'string', 'number', 'comment', 'title', 'type', 'variable', 'meta'] as const;
const ROLES = ['heading', 'body', 'mono'] as const;

type ZodModule = typeof import('zod');

function build(z: ZodModule['z']) {
  const colour = z.string({ error: 'is not a colour' }).refine(isColour, { message: 'is not a colour' });
  const between = (lo: number, hi: number) =>
    z.number({ error: `must be a number from ${lo} to ${hi}` }).refine((n) => n >= lo && n <= hi, { message: `must be a number from ${lo} to ${hi}` });
  const text = (what: string) => z.string({ error: `must be ${what}` });
  const path = text('a file path (relative to the theme file)').min(1, { message: 'must be a file path (relative to the theme file)' });

  const record = <K extends readonly string[], T extends Z.ZodType>(keys: K, value: T) =>
    z.strictObject(Object.fromEntries(keys.map((k) => [k, value.optional()])) as { [P in K[number]]: Z.ZodOptional<T> }, {
      error: 'must be a mapping',
    });

  const font = z
    .strictObject(
      {
        name: text('the font name written into PowerPoint files (e.g. Calibri)').min(1),
        family: text('the family name of the open font that measures text').min(1),
        package: text('an @fontsource package name').optional(),
        files: z
          .strictObject({ regular: path, bold: path.optional(), italic: path.optional(), boldItalic: path.optional() }, { error: 'must be a mapping of regular, bold, italic, boldItalic' })
          .optional(),
      },
      { error: 'must be a mapping with name, family, and package or files' },
    )
    .refine((f) => (f.package === undefined) !== (f.files === undefined), { message: 'needs either package or files (not both)' });

  const labelText = text('text');
  const labels = z
    .record(
      z.string(),
      z.union([labelText, z.record(z.string(), labelText, { error: 'must be text' })], { error: 'must be text, or a mapping of label names to text' }),
      { error: 'must be a mapping of label names (or languages) to text' },
    )
    .superRefine((value, ctx) => {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string') {
          if (!(LABEL_KEYS as readonly string[]).includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: `is not a label (labels: ${LABEL_KEYS.join(', ')})` });
        } else {
          if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'is neither a label name nor a language tag' });
          for (const key of Object.keys(v)) {
            if (!(LABEL_KEYS as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [k, key], message: `is not a label (labels: ${LABEL_KEYS.join(', ')})` });
          }
        }
      }
    });

  return z.strictObject(
    {
      $schema: z.string().optional(),
      name: text('a name').min(1).optional(),
      description: text('a one-line description').optional(),
      extends: text('a built-in theme name or a theme file path').min(1).optional(),
      size: z.enum(['16:9', '4:3'], { error: 'must be "16:9" or "4:3"' }).optional(),
      colors: record(COLOR_KEYS, colour).optional(),
      code: record(CODE_KEYS, colour).optional(),
      fonts: record(ROLES, font).optional(),
      scale: record(ROLES, between(0.5, 2)).optional(),
      lineHeight: record(ROLES, between(0.8, 3)).optional(),
      slideNumbers: z.boolean({ error: 'must be true or false' }).optional(),
      footer: z.union([text('text'), z.null()], { error: 'must be text (or null for none)' }).optional(),
      logo: z.union([path, z.null()], { error: 'must be a picture file path (or null for none)' }).optional(),
      titleStyle: z.enum(['band', 'centered', 'plain'], { error: 'must be one of band, centered, plain' }).optional(),
      sectionStyle: z.enum(['kicker', 'divider', 'none'], { error: 'must be one of kicker, divider, none' }).optional(),
      labels: labels.optional(),
      templates: path.optional(),
    },
    { error: 'a theme file must be a mapping of tokens' },
  );
}

let schema: ReturnType<typeof build> | undefined;
/** The schema, built on first use: zod costs ~60 ms to load, and the built-in themes need no check. */
export function themeFileSchema(): ReturnType<typeof build> {
  schema ??= build((createRequire(import.meta.url)('zod') as ZodModule).z);
  return schema;
}

export type ThemeFile = Z.infer<ReturnType<typeof build>>;
export { COLOR_KEYS, CODE_KEYS, ROLES };
