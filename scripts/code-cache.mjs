// Saves V8's compiled code for MathJax's bundle next to it, for builds with math to load it faster
// (src/math/code-cache.ts says how, and why a cache from another Node is harmless).
import { saveKitCodeCache } from '../dist/math/typeset.js';

saveKitCodeCache();
