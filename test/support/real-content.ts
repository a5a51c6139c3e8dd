import { buildArtefact } from '../../src/content/build-artefact.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';

import { PROJECT_ROOT as PROJECT } from './project-root.ts';

export { PROJECT };

export async function realContent() {
  const raw = await loadContent(PROJECT);
  const valid = validateContent(raw);
  if (!valid.ok) throw new Error(`the shipped content is invalid:\n${valid.problems.map(formatProblem).join('\n')}`);
  return { raw, content: valid.content, artefact: buildArtefact(valid.content, createMarkdownRenderer()) };
}
