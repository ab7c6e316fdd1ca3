// The pure core project (src/core/tsconfig.json) maps `csv-parse/sync` here: csv-parse's own types
// start with `/// <reference types="node" />` (for Buffer input), which would bring every Node
// global and `node:` module into core's program and defeat the check. Core only hands it a string.
// The root project still checks tabular.ts against csv-parse's real types.
export function parse(
  input: string,
  options: {
    bom?: boolean;
    info?: boolean;
    relax_column_count?: boolean;
    skip_empty_lines?: boolean;
    max_record_size?: number;
    to?: number;
    delimiter?: string;
    trim?: boolean;
  },
): unknown;
