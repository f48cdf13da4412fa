import { contrastRatio, parseColor, quantize, type Rgb } from '../color/color.js';

/** Which WCAG 2.1 AA requirement a role must meet, and against which roles. */
export interface ContrastRule {
  /** The foreground role, named after `--ioc-sys-`, e.g. `color-on-surface`. */
  readonly role: string;
  /** The roles it is drawn on. */
  readonly against: readonly string[];
  /** 4.5 for text (SC 1.4.3), 3 for graphics and focus indicators (SC 1.4.11). */
  readonly min: number;
  readonly kind: 'text' | 'graphic' | 'on-fill';
}

export interface ContrastResult {
  readonly role: string;
  /** The background it contrasts least with. */
  readonly against: string;
  readonly ratio: number;
  readonly required: number;
  readonly ok: boolean;
}

const SURFACES = ['color-surface', 'color-surface-raised'] as const;
const TEXT_ROLES = ['color-on-surface', 'color-on-surface-muted', 'color-primary', 'color-positive', 'color-negative', 'color-warning', 'color-neutral'];
const GRAPHIC_ROLES = ['color-accent', 'color-focus', 'color-outline-strong'];

/**
 * Every contrast requirement a theme has, given the roles it defines. Official band colours
 * (VN_AQI, VN_WQI) are exempt themselves, since a decision fixes them, but the text on them
 * (`color-on-aqi-*`) is not; decorative roles (`color-outline`, ramps) carry no requirement.
 */
export function contrastRules(roles: Iterable<string>): ContrastRule[] {
  const names = [...roles];
  const rules: ContrastRule[] = [];
  for (const role of names) {
    if (TEXT_ROLES.includes(role) || role.startsWith('color-severity-')) rules.push({ role, against: SURFACES, min: 4.5, kind: 'text' });
    else if (GRAPHIC_ROLES.includes(role) || /^color-chart-\d+$/.test(role)) rules.push({ role, against: SURFACES, min: 3, kind: 'graphic' });
    else if (role.startsWith('color-on-') && role !== 'color-on-surface' && role !== 'color-on-surface-muted') {
      const fill = `color-${role.slice('color-on-'.length)}`;
      if (names.includes(fill)) rules.push({ role, against: [fill], min: 4.5, kind: 'on-fill' });
    }
  }
  return rules;
}

/** Contrast of every rule on concrete values (`#rrggbb`), measured on 8-bit colours as drawn. */
export function checkContrast(values: Readonly<Record<string, string>>): ContrastResult[] {
  const colour = (role: string): Rgb => quantize(parseColor(values[role], role));
  return contrastRules(Object.keys(values)).map((rule) => {
    let worst = { against: '', ratio: Infinity };
    for (const against of rule.against) {
      const ratio = contrastRatio(colour(rule.role), colour(against));
      if (ratio < worst.ratio) worst = { against, ratio };
    }
    return { role: rule.role, against: worst.against, ratio: worst.ratio, required: rule.min, ok: worst.ratio >= rule.min };
  });
}
