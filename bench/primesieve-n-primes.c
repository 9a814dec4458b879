/*
 * Reference for "first n primes into memory": libprimesieve's generate_n_primes on one
 * thread, timed around the call alone. bench/sieve.bench.ts compiles it when gcc and the
 * library (Debian: libprimesieve11, pulled in by primesieve-bin) are present.
 * Usage: primesieve-n-primes N RUNS -> prints the median milliseconds and the last prime.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Declared here so only the runtime library is needed, not the -dev package's header. */
void *primesieve_generate_n_primes(uint64_t n, uint64_t start, int type);
void primesieve_free(void *primes);
void primesieve_set_num_threads(int threads);
enum { UINT64_PRIMES = 13 };

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  uint64_t n = argc > 1 ? strtoull(argv[1], 0, 10) : 10000000;
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  double times[64];
  uint64_t last = 0;
  if (runs > 64) runs = 64;
  primesieve_set_num_threads(1);
  for (int r = 0; r < runs; r++) {
    double start = now_ms();
    uint64_t *primes = primesieve_generate_n_primes(n, 0, UINT64_PRIMES);
    times[r] = now_ms() - start;
    last = primes[n - 1];
    primesieve_free(primes);
  }
  qsort(times, runs, sizeof times[0], by_value);
  printf("%.3f %llu\n", times[runs / 2], (unsigned long long)last);
  return 0;
}
