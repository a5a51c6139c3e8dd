/** Where the join pipeline reports what it did: never a request body, a token or a contact detail. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
