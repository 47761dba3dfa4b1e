/** Types of patch-nodejieba.mjs, for its test. */
export const MARK: string;
export const TAG_LENGTHS_MARK: string;
export function shareTrie(source: string): string | undefined;
export function addTagLengths(source: string): string | undefined;
export function declareTagLengths(header: string): string | undefined;
export function exportTagLengths(index: string): string | undefined;
export const FREE_MARK: string;
export function freeOnExit(source: string): string | undefined;
export function declareDestructor(header: string): string | undefined;
export const KEEP_MARK: string;
export function keepAtExit(source: string): string | undefined;
export function declareKeepAtExit(header: string): string | undefined;
export function exportKeepAtExit(index: string): string | undefined;
export const FAST_LOAD_MARK: string;
export function loadFaster(header: string): string | undefined;
