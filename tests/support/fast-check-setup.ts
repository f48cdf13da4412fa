// Property tests run with one fixed seed, so a run is the same on every machine and every day;
// a new seed is chosen on purpose (FC_SEED in the runner's page, see web-test-runner.config.mjs).
import fc from 'fast-check';

const seed = Number((globalThis as { IOC_FC_SEED?: unknown }).IOC_FC_SEED ?? 20261202);
fc.configureGlobal({ seed: Number.isFinite(seed) ? seed : 20261202 });
