/**
 * pptxgenjs's types describe a CommonJS module (`module.exports.default` is the class) while Node
 * loads its ESM build (the default export is the class): take whichever this runtime hands us.
 */
import pptxgenModule from 'pptxgenjs';

export type PptxGenJS = typeof pptxgenModule.default;
export type Presentation = InstanceType<PptxGenJS>;
export const PptxGen: PptxGenJS = (pptxgenModule as unknown as { default?: PptxGenJS }).default ?? (pptxgenModule as unknown as PptxGenJS);
