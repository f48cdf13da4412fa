import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

type Props = Readonly<Record<string, string | undefined>>;

/**
 * Sets CSS properties (usually custom properties like `--_band-color`) on an element through
 * the CSSOM, on first render too. Lit's `styleMap` writes a `style` attribute on first render,
 * which a strict Content-Security-Policy (`style-src 'self'`) blocks; `element.style.setProperty`
 * is not subject to it.
 *
 * Usage: `<span ${cssVars({ '--_band-color': 'var(--ioc-sys-color-aqi-good)' })}></span>`
 */
class CssVarsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssVars() must be used as an element binding: <el ${cssVars({...})}>');
  }

  render(_props: Props) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Props]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.previous) if (props[name] === undefined) style.removeProperty(name);
    this.previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.previous.add(name);
    }
    return nothing;
  }
}

export const cssVars = directive(CssVarsDirective);
