/**
 * The part of Decap CMS's configuration this project writes, typed. Reference:
 * https://decapcms.org/docs/configuration-options/ and the widget pages linked from
 * https://decapcms.org/docs/widgets/. Decap's own JSON-schema validator
 * (decap-cms-core/src/constants/configSchema.js) is run on the result in test/cms/.
 */

export interface SelectOption {
  label: string;
  value: string;
}

export interface DecapField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'markdown' | 'number' | 'select' | 'relation' | 'list' | 'object' | 'datetime';
  required?: boolean;
  hint?: string;
  /** [regular expression source, message shown when the value does not match]. */
  pattern?: [string, string];
  i18n?: boolean;
  default?: unknown;
  // select
  options?: SelectOption[];
  multiple?: boolean;
  // relation
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  // number
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  step?: number;
  // datetime
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  // list / object
  field?: DecapField;
  fields?: DecapField[];
  summary?: string;
  collapsed?: boolean;
  add_to_top?: boolean;
  // markdown
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
}

export interface DecapCollection {
  name: string;
  label: string;
  label_singular: string;
  description?: string;
  folder: string;
  extension: string;
  format: 'frontmatter' | 'yml';
  create: boolean;
  delete?: boolean;
  slug: string;
  identifier_field: string;
  summary: string;
  sortable_fields?: string[];
  i18n?: boolean;
  editor?: { preview: boolean };
  fields: DecapField[];
}

export interface GithubBackend {
  name: 'github';
  /** owner/name */
  repo?: string;
  branch: string;
  /** OAuth provider; Netlify's by default (https://api.netlify.com). */
  base_url?: string;
  commit_messages?: Record<string, string>;
  squash_merges?: boolean;
}

export interface DecapConfig {
  load_config_file: false;
  backend: GithubBackend;
  local_backend?: { url: string; allowed_hosts?: string[] };
  publish_mode: 'editorial_workflow';
  media_folder: string;
  public_folder: string;
  site_url?: string;
  display_url?: string;
  i18n: { structure: 'single_file'; locales: string[]; default_locale: string };
  /** The language of Decap's own interface (https://decapcms.org/docs/configuration-options/#locale). */
  locale?: string;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  collections: DecapCollection[];
}
