/**
 * The CDN bundle's entry: registers every `ioc-*` element and exports the public API of all
 * four packages, so a portal page needs one `<script type="module" src=".../ioc-kit.js">`.
 */
export * from '@ioc-kit/data';
export * from '@ioc-kit/themes';
export * from '@ioc-kit/charts';
export * from './index.js';
