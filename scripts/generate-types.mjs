// npm run generate:types: generated/openapi.yaml → generated/schema.d.ts, enums.ts, fields.ts and response-schemas.ts
import { generateTypes, generatedDir } from './lib/pipeline.mjs';

await generateTypes(generatedDir);
console.log(
  'wrote generated/schema.d.ts, enums.ts, fields.ts, response-schemas.ts, jobs-schema.ts and schemas/jobs.schema.json',
);
