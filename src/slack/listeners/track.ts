/** Wraps a listener so the app can count requests in flight (a shutdown waits for them). */
export type Track = <A extends unknown[]>(listener: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;
