// Picking a domain on the overview board opens that domain's page (economy.html, ...).
const PAGES = new Set(['economy', 'citizens', 'governance', 'mobility', 'environment', 'living']);

document.addEventListener('ioc-domain-select', (event) => {
  if (PAGES.has(event.domain)) window.location.assign(`${event.domain}.html`);
});
