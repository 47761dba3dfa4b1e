/**
 * The reference texts shipped in data/references/, by name (the file name
 * without `.txt`). The setting `policyLens.builtinReferences` picks among them.
 */
export const BUILTIN_REFERENCES: readonly string[] = ['2024政府工作报告', '2025政府工作报告', '二十大报告'];
