package io.charagen.generator.latent;

/**
 * The 32-bit Mersenne Twister MT19937 (Matsumoto &amp; Nishimura, 1998), seeded from one
 * 32-bit word with the 2002 initialisation ("init_genrand"). Java ints hold the 32-bit
 * words; multiplication and addition wrap modulo 2^32 just as the algorithm requires.
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int index;

    Mt19937(int seed) {
        state[0] = seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
        }
        index = N;
    }

    /** The next tempered output word, as the int with the same 32 bits. */
    int nextInt() {
        if (index >= N) {
            twist();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** Regenerates all N words of state at once. */
    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            int mixed = state[(k + M) % N] ^ (y >>> 1);
            state[k] = (y & 1) == 0 ? mixed : mixed ^ MATRIX_A;
        }
        index = 0;
    }
}
