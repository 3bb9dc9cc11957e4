/** The French texts have the shape of the English ones, with strings at the leaves. */
export type DeepStrings<T> = T extends string ? string : { [K in keyof T]: DeepStrings<T[K]> };
