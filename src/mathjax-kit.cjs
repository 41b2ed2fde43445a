// The parts of MathJax a build uses, in one CommonJS module. The build bundles it into
// dist/mathjax-kit.cjs: one file to compile instead of some 200 that Node resolves one by one,
// which cut MathJax's load from about 150 to 80 ms. It stays CommonJS because MathJax is.
'use strict';

/** The TeX packages report authors use; loading all of MathJax's doubles its start-up time. */
const packages = ['base', 'ams', 'newcommand', 'noundefined', 'boldsymbol', 'cancel', 'color', 'mathtools', 'textmacros', 'unicode'];

// Each package registers itself with the TeX input when its configuration loads. The paths are
// written out so a bundler can follow them.
require('mathjax-full/js/input/tex/base/BaseConfiguration.js');
require('mathjax-full/js/input/tex/ams/AmsConfiguration.js');
require('mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js');
require('mathjax-full/js/input/tex/noundefined/NoUndefinedConfiguration.js');
require('mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js');
require('mathjax-full/js/input/tex/cancel/CancelConfiguration.js');
require('mathjax-full/js/input/tex/color/ColorConfiguration.js');
require('mathjax-full/js/input/tex/mathtools/MathtoolsConfiguration.js');
require('mathjax-full/js/input/tex/textmacros/TextMacrosConfiguration.js');
require('mathjax-full/js/input/tex/unicode/UnicodeConfiguration.js');

module.exports = {
  packages,
  mathjax: require('mathjax-full/js/mathjax.js').mathjax,
  TeX: require('mathjax-full/js/input/tex.js').TeX,
  SVG: require('mathjax-full/js/output/svg.js').SVG,
  liteAdaptor: require('mathjax-full/js/adaptors/liteAdaptor.js').liteAdaptor,
  RegisterHTMLHandler: require('mathjax-full/js/handlers/html.js').RegisterHTMLHandler,
};
