// The extension pages' one render path for text: every string Preact puts in
// a text node (and the title / aria-label attributes that tooltips read) goes
// through visible(), so broker text with U+202E, NUL or other controls is shown
// escaped whichever component renders it (issue 11 defect 14). Each page's
// main.tsx installs it before its first render (tests/meta checks they do).

import { options, type VNode } from 'preact';
import { visible } from './visible';

const SHOWN_ATTRIBUTES = ['title', 'aria-label', 'alt', 'placeholder'];
let installed = false;

export function installVisibleText(): void {
  if (installed) return;
  installed = true;
  const before = options.vnode;
  options.vnode = (vnode: VNode) => {
    const v = vnode as { type: unknown; props: unknown };
    if (v.type === null && typeof v.props === 'string') v.props = visible(v.props);
    else if (typeof v.type === 'string' && v.props && typeof v.props === 'object') {
      const props = v.props as Record<string, unknown>;
      for (const a of SHOWN_ATTRIBUTES) if (typeof props[a] === 'string') props[a] = visible(props[a]);
    }
    before?.(vnode);
  };
}
