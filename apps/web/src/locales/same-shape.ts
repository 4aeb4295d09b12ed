/** Another language's texts: the same keys as the Chinese, every leaf a string. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };
