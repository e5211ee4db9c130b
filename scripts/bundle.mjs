// npm run bundle: openapi/ → generated/openapi.yaml
import { bundleSpec, generatedDir } from './lib/pipeline.mjs';

await bundleSpec(generatedDir);
console.log('bundled openapi/ into generated/openapi.yaml');
