// Runs a page with its wall clock moved, to prove that nothing depends on the day the tests run:
// `IOC_CLOCK_SHIFT_DAYS=400 npm test` (npm test runs the browser suites once as they are and
// once a year ahead). Only `Date` moves; timers and `performance.now()` keep real time, so
// timeouts and animations behave as usual.

/** The shift asked for through the environment, in milliseconds (0 when unset). */
export function clockShiftMs(env = process.env) {
  const days = Number(env.IOC_CLOCK_SHIFT_DAYS ?? 0);
  return Number.isFinite(days) ? Math.round(days * 86_400_000) : 0;
}

/** A classic script for the page, run before any module: `Date` then reads real time + `shiftMs`. */
export function clockShiftScript(shiftMs) {
  if (!shiftMs) return '';
  return `(() => {
  const Real = Date;
  const shift = ${Number(shiftMs)};
  function ShiftedDate(...args) {
    if (!new.target) return new Real(Real.now() + shift).toString();
    return args.length === 0 ? new Real(Real.now() + shift) : new Real(...args);
  }
  ShiftedDate.prototype = Real.prototype;
  Object.defineProperty(Real.prototype, 'constructor', { value: ShiftedDate, writable: true, configurable: true });
  ShiftedDate.now = () => Real.now() + shift;
  ShiftedDate.parse = Real.parse;
  ShiftedDate.UTC = Real.UTC;
  globalThis.Date = ShiftedDate;
})();`;
}
