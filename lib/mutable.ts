/**
 * A readonly model while it is being built by assignment (cheaper than spreading its optional parts, on hot paths);
 * handed out under its readonly type once built.
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }
