// Writes demo-results.json for record-snapshot.ts (run in Chromium, where the numbers the stories
// show are computed: Node's V8 rounds a few Math functions differently).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('./demo-results.json', import.meta.url));

export async function start() {
  return {
    url: '',
    async write(text) {
      await writeFile(file, text);
      return text.length;
    },
    async close() {},
  };
}
