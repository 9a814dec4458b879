/** A running DynamoDB-compatible server the development and test roots can point a client at. */
export interface DynamoDbEngine {
  /** What kind of engine answers: 'dynalite', 'container' or 'endpoint'. */
  readonly kind: 'dynalite' | 'container' | 'endpoint';
  readonly endpoint: string;
  /** Stops the server this root started; a no-op for an endpoint it was given. */
  close(): Promise<void>;
}
