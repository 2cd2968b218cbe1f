/**
 * What `import … from 'react'` resolves to in the build (see the aliases in vite.config.ts): React's API from
 * preact/compat, whose runtime is ~11 kB gzipped where React DOM is ~60 kB. The app's code and types stay
 * React's; this file holds the one difference the app meets.
 *
 * `tabIndex` on an SVG element: React writes the attribute `tabindex`, Preact the attribute as spelled, and SVG
 * attribute names are case-sensitive, so `tabIndex` would leave the loss chart and the network's neurons out of
 * the tab order. Every element gets the lower-case attribute, which HTML and SVG both read.
 */
import { options } from 'preact';

const previousVnode = options.vnode;
options.vnode = (vnode) => {
  const props = vnode.props as Record<string, unknown> | null;
  if (typeof vnode.type === 'string' && props && 'tabIndex' in props) {
    props.tabindex = props.tabIndex;
    delete props.tabIndex;
  }
  previousVnode?.(vnode);
};

// preact/compat's types declare a namespace (`export =`), which `export *` cannot re-export; the module itself
// is an ES module with named exports, and the app type-checks against React's own types anyway.
// @ts-expect-error TS2498
export * from 'preact/compat';
export { default } from 'preact/compat';
