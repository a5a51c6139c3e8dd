/**
 * An application is only reviewable if it has the shape the real CMS configuration expects: the
 * same repository branch, the editorial workflow, the collection and folder the branch and file
 * are named after, the i18n layout the file is written in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backendSettingsFromEnv } from '../../src/cms/backend-settings.ts';
import { buildCmsConfig } from '../../src/cms/cms-config.ts';
import { GROUPS } from '../../src/schema/collections.ts';
import { loadJoinConfig } from '../../src/join/config.ts';
import { branchFor, CMS_COLLECTION, PENDING_REVIEW_LABEL } from '../../src/join/delivery/decap-workflow.ts';
import { editorKeys } from '../support/join-harness.ts';

let recipient: string;
beforeAll(async () => {
  recipient = (await editorKeys()).recipient;
});

describe('join deliveries and the CMS configuration', () => {
  it('target the branch the CMS commits to, with or without GITHUB_BASE_BRANCH', () => {
    for (const extra of [{}, { GITHUB_BASE_BRANCH: 'trunk' }]) {
      const env = {
        GITHUB_REPOSITORY: 'labour-network/directory',
        GITHUB_TOKEN: 't',
        JOIN_FORM_SECRET: 's'.repeat(40),
        JOIN_CONTACT_PUBLIC_KEY: recipient,
        ...extra,
      };
      const cms = buildCmsConfig({ backend: backendSettingsFromEnv(env) });
      const join = loadJoinConfig(env);
      expect(cms.backend).toMatchObject({ name: 'github', repo: 'labour-network/directory' });
      expect(join.mode === 'github' && join.github.baseBranch).toBe(cms.backend.branch);
    }
  });

  it('name their branch and file after the groups collection of the editorial workflow', () => {
    const cms = buildCmsConfig({ backend: { branch: 'main' } });
    expect(cms.publish_mode).toBe('editorial_workflow');
    const groups = cms.collections.find((c) => c.name === CMS_COLLECTION);
    expect(groups).toMatchObject({ folder: GROUPS.folder, extension: 'md', format: 'frontmatter', slug: '{{fields.slug}}', i18n: true });
    expect(cms.i18n).toMatchObject({ structure: 'single_file' });
    expect(branchFor('x')).toBe(`cms/${groups!.name}/x`);
    expect(PENDING_REVIEW_LABEL).toBe('decap-cms/pending_review'); // Decap's default cms_label_prefix
    expect(JSON.stringify(cms)).not.toContain('cms_label_prefix');
  });
});
