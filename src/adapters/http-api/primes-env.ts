import type { PrimeUseCases } from '../../domain/use-cases/prime-use-cases';

/**
 * What every route sees besides its request: the use cases, and the deadline its transport set
 * (the local server's request budget, or the Lambda's remaining time less its margin).
 */
export interface PrimesEnv {
  Bindings: RequestBindings;
  Variables: { useCases: PrimeUseCases };
}

export interface RequestBindings {
  /** Absolute time (ms since the epoch) by which the answer must be on its way. */
  readonly deadline: number;
}

/** What a transport serves: the app's fetch, with the request's deadline. */
export interface PrimesFetch {
  fetch(request: Request, bindings: RequestBindings): Response | Promise<Response>;
}
