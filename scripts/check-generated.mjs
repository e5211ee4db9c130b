// npm run generate:check: fails when generated/ is not what the pipeline produces from openapi/.
import { findDrift } from './lib/pipeline.mjs';

const drifted = await findDrift();
if (drifted.length > 0) {
  console.error(`generated/ is out of date (${drifted.join(', ')}). Run \`npm run generate\` and commit the result.`);
  process.exit(1);
}
console.log('generated/ matches openapi/');
