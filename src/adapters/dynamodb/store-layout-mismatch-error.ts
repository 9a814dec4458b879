/**
 * The table was laid out by a repository with another chunk capacity or format version. Its
 * chunks cannot be read with this one's arithmetic, so the repository refuses to touch them
 * instead of adopting the table's values behind the configuration's back.
 */
export class StoreLayoutMismatchError extends Error {
  readonly code = 'STORE_LAYOUT_MISMATCH';
  constructor(
    readonly tableName: string,
    readonly setting: 'chunkCapacity' | 'formatVersion',
    readonly expected: number,
    readonly found: number,
  ) {
    super(
      `table ${tableName} holds chunks with ${setting} ${found}, but this repository uses ${expected}; ` +
        `open it with ${setting} ${found} or use another table`,
    );
    this.name = 'StoreLayoutMismatchError';
  }
}
