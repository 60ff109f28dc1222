import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every `graphql(...)` document in src/, from the schema the server generates
// (web/schema.graphql, written by `npm run schema`). The output in src/gql is committed so that
// typecheck works without running codegen first; `npm run build` regenerates it.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  // Unit specs hold documents of their own (a made-up schema for the client's behaviour): not the app's.
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.spec.ts'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // verbatimModuleSyntax (web/tsconfig.json) needs `import type` for type-only imports.
      config: { useTypeImports: true, strictScalars: true },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
