// Node side of the cross-package theme tests: whether generated token files and the theming doc
// are current, and which --ioc-* properties the widget and chart sources read.
import { staleFiles } from '../../scripts/build-tokens.mjs';
import { docIsCurrent, scanTokenReads } from '../../scripts/theming-doc.mjs';

export async function start() {
  return {
    url: '',
    close() {},
    staleTokenFiles: () => staleFiles(),
    docIsCurrent: () => docIsCurrent(),
    tokenReads: () => scanTokenReads(),
  };
}
