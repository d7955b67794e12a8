// @ts-check
import js from '@eslint/js';
import eslintConfigPrettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/',
			'.astro/',
			'node_modules/',
			'tests/.out/',
			'bench/work/',
			'bench/results/',
			'bench/reference/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	...astro.configs.recommended,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
	},
	{
		// Astro files are parsed with a processor that type-aware rules cannot see into reliably.
		files: ['**/*.astro'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		// Inline scripts in .astro components are plain browser JavaScript.
		files: ['**/*.astro/*.js', '*.astro/*.js'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		// Config files are plain JavaScript checked by `// @ts-check`.
		files: ['**/*.mjs'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		// node:test's test() and describe() return promises the runner itself awaits.
		files: ['tests/**/*.ts'],
		rules: { '@typescript-eslint/no-floating-promises': 'off' },
	},
	eslintConfigPrettier
);
