/**
 * `npm run build:codes`: writes src/schema/code-lists.ts, the country and language codes the
 * schema accepts, from the platform's CLDR data (src/schema/platform-codes.ts). Run it after a
 * Node upgrade when test/content/code-lists-are-generated.test.ts says the lists differ, and
 * commit the result.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeListsModule } from '../src/schema/platform-codes.ts';
import { PROJECT_ROOT } from './project-root.ts';

const path = join(PROJECT_ROOT, 'src/schema/code-lists.ts');
writeFileSync(path, codeListsModule());
console.log(`wrote ${path}`);
