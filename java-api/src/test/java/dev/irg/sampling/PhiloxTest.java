package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.core.source32.Philox4x32;
import org.junit.jupiter.api.Test;

class PhiloxTest {

    /** Random123 kat_vectors, philox4x32_10: counter, key, expected output. */
    @Test
    void random123KnownAnswers() {
        int[][][] kat = {
            {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
            {{-1, -1, -1, -1}, {-1, -1}, {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
            {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0},
                {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
        };
        int[] out = new int[4];
        for (int[][] v : kat) {
            Philox.block(v[0][0], v[0][1], v[0][2], v[0][3], v[1][0], v[1][1], out);
            assertArrayEquals(v[2], out);
        }
    }

    /**
     * Commons RNG's Philox4x32 as an oracle: seeded with (key0, key1, c0, c1, c2, c3) its first
     * block is that of counter c0 + 1 (it increments before generating), then c0 + 2, ...
     */
    @Test
    void agreesWithCommonsRng() {
        long seed = 0x1234_5678_9abc_def0L;
        int[] out = new int[4];
        for (long element : new long[] {0, 1, 77, 0xffff_ffffL, 0x1_0000_0003L}) {
            for (int sub = 0; sub < 2; sub++) {
                int k0 = (int) seed, k1 = (int) (seed >>> 32);
                int start = 5;
                var ref = new Philox4x32(new int[] {k0, k1, start - 1, sub, (int) element, (int) (element >>> 32)});
                for (int j = start; j < start + 6; j++) {
                    Philox.elementBlock(seed, element, sub, j, out);
                    for (int q = 0; q < 4; q++) {
                        assertEquals(out[q], ref.nextInt(), "element " + element + " sub " + sub + " block " + j + " word " + q);
                    }
                }
            }
        }
    }

    @Test
    void uniformsAreStrictlyInsideTheUnitInterval() {
        assertEquals(0x1.0p-53, Philox.u52(0, 0));
        assertEquals(1 - 0x1.0p-53, Philox.u52(-1, -1));
        assertEquals(0x1.0p-33, Philox.u32(0));
        assertEquals(1 - 0x1.0p-33, Philox.u32(-1));
        assertTrue(Philox.u52(-1, -1) < 1 && Philox.u32(-1) < 1);
        // u52 takes the top 52 bits of (hi << 32 | lo): the low 12 bits of lo do not matter
        assertEquals(Philox.u52(0xfff, 5), Philox.u52(0, 5));
        assertEquals(Philox.u52(0, 5) + 0x1.0p-52, Philox.u52(0x1000, 5));
    }
}
