// npm run generate:types: generated/openapi.yaml → generated/schema.d.ts, enums.ts and fields.ts
import { generateTypes, generatedDir } from './lib/pipeline.mjs';

await generateTypes(generatedDir);
console.log('wrote generated/schema.d.ts, enums.ts, fields.ts, jobs-schema.ts and schemas/jobs.schema.json');
