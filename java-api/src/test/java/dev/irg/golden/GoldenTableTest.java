package dev.irg.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader, the statistics and the shape of the committed tables. */
class GoldenTableTest {

    private static final String SMALL = """
            # provenance line
            alpha,x,u,cdf,dcdf_dalpha,grad_alpha
            2.5,0.5,nan,0.25,-0.5,1.5
            1e-4,20.0,,0.9,-1e-10,2e-9
            """;

    @Test
    void parsesHeaderProvenanceAndValues() throws Exception {
        GoldenTable t = GoldenTable.parse(Distribution.GAMMA, "small", new StringReader(SMALL));
        assertEquals(List.of("provenance line"), t.provenance());
        assertEquals(2, t.size());
        assertArrayEquals(new double[] {2.5, 1e-4}, t.param0());
        assertArrayEquals(new double[] {1.0, 1.0}, t.param1()); // rate defaults to 1
        assertTrue(Double.isNaN(t.column("u")[0]) && Double.isNaN(t.column("u")[1]));
        assertArrayEquals(new double[] {-0.5, -1e-10}, t.reference(Op.GAMMA_DCDF_DALPHA));
        assertTrue(t.hasReference(Op.GAMMA_CDF));
        assertFalse(t.hasReference(Op.GAMMA_GRAD_RATE));
        assertEquals("alpha=2.5, x=0.5", t.describeRow(0));
    }

    @Test
    void malformedInputNamesTheLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> GoldenTable.parse(Distribution.GAMMA, "bad",
                new StringReader("alpha,x,cdf\n1,2,3\n1,2,abc\n")));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> GoldenTable.parse(Distribution.GAMMA, "bad",
                new StringReader("alpha,x,cdf\n1,2\n")));
        assertTrue(e2.getMessage().contains("line 2"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GoldenTable.parse(Distribution.BETA, "bad",
                new StringReader("b,x,cdf\n1,2,3\n")));
    }

    @Test
    void errorStatsCountsNanAsInfiniteAndRespectsFloorAndInclude() {
        double[] ref = {1, 2, 4, 0, 1e-20};
        double[] got = {1, 2 * (1 + 1e-10), Double.NaN, 0, 2e-20};
        ErrorStats s = ErrorStats.of(got, ref, null, null);
        assertEquals(Double.POSITIVE_INFINITY, s.max());
        assertEquals(2, s.worst(1)[0]);
        ErrorStats t = ErrorStats.of(got, ref, new double[] {0, 0, 0, 0, 1e-12}, new boolean[] {true, true, false, true, true});
        assertEquals(4, t.count());
        assertEquals(1e-10, t.error(1), 1e-15);
        assertEquals(1e-20 / 1e-12, t.error(4), 1e-15); // floor 1e-12 instead of |ref| = 1e-20
        assertEquals(1e-8, t.max(), 1e-15);
        assertTrue(Double.isNaN(t.error(2)));
        assertEquals(2, t.countAbove(1e-11));
        assertEquals(1, t.countAbove(1e-9));
    }

    @Test
    void quantilesAreNearestRank() {
        double[] ref = new double[100];
        double[] got = new double[100];
        for (int i = 0; i < 100; i++) {
            ref[i] = 1;
            got[i] = 1 + (i + 1) * 1e-12; // errors 1e-12 .. 1e-10
        }
        ErrorStats s = ErrorStats.of(got, ref, null, null);
        assertEquals(1e-10, s.max(), 1e-15);
        assertEquals(99e-12, s.p99(), 1e-15);
        assertEquals(50e-12, s.median(), 1e-15);
    }

    @Test
    void float32RowSelection() {
        assertTrue(GoldenChecks.usable(Op.GAMMA_CDF, Precision.F32, 2.5, 1, 0.5, 0.3));
        assertFalse(GoldenChecks.usable(Op.GAMMA_CDF, Precision.F32, 0.1, 1, 0.5, 0.3)); // 0.1 is not a float
        assertFalse(GoldenChecks.usable(Op.GAMMA_DCDF_DALPHA, Precision.F32, 2.5, 1, 0.5, 1e-40));
        assertTrue(GoldenChecks.usable(Op.GAMMA_DCDF_DALPHA, Precision.F64, 0.1, 1, 0.5, 1e-40));
        assertFalse(GoldenChecks.usable(Op.GAMMA_CDF, Precision.F64, 0.1, 1, 0.5, 1e-301));
    }

    @Test
    void committedTablesAreWellFormed() {
        for (Distribution d : Distribution.values()) {
            for (GoldenTable t : GoldenTable.all(d)) {
                assertTrue(t.size() >= 100, t + " is too small");
                assertFalse(t.provenance().isEmpty(), t + " has no provenance");
                double[] p0 = t.param0();
                double[] x = t.x();
                boolean anyRef = false;
                for (Op op : d.ops()) {
                    if (!t.hasReference(op)) {
                        continue;
                    }
                    anyRef = true;
                    double[] r = t.reference(op);
                    int finite = 0;
                    for (int i = 0; i < t.size(); i++) {
                        // nan: no reference for this value (tools/audit writes values outside [1e-300, 1e300]
                        // as nan and keeps the row; GoldenChecks skips them); never infinite
                        assertFalse(Double.isInfinite(r[i]), t + " row " + i + " " + op.column() + " = " + r[i]);
                        finite += Double.isFinite(r[i]) ? 1 : 0;
                        assertTrue(Double.isFinite(p0[i]) && Double.isFinite(x[i]), t + " row " + i + " inputs");
                    }
                    assertTrue(finite >= 100, t + " " + op.column() + ": only " + finite + " references");
                }
                assertTrue(anyRef, t + " has no reference column");
            }
        }
    }

    /** Sign of each tabulated quantity (numerics.md "Signs"), or 0 when it has none; s = sign of x for von Mises. */
    private static int expectedSign(Op op, double x) {
        int s = (int) Math.signum(x);
        return switch (op) {
            case GAMMA_CDF, BETA_CDF, VONMISES_CDF, GAMMA_GRAD_ALPHA, BETA_DCDF_DB, BETA_GRAD_A -> 1;
            case GAMMA_DCDF_DALPHA, BETA_DCDF_DA, BETA_GRAD_B, GAMMA_GRAD_RATE -> -1;
            case VONMISES_DCDF_DKAPPA -> s;   // F decreases with kappa left of the mode
            case VONMISES_GRAD_KAPPA -> -s;   // samples are pulled towards the mode
            default -> 0;
        };
    }

    @Test
    void committedReferencesHaveTheKnownSignsAndCdfPlusQIsOne() {
        for (Distribution d : Distribution.values()) {
            for (GoldenTable t : GoldenTable.all(d)) {
                double[] x = t.x();
                double[] p0 = t.param0();
                for (Op op : d.ops()) {
                    if (!t.hasReference(op)) {
                        continue;
                    }
                    double[] r = t.reference(op);
                    double[] p1 = t.param1();
                    for (int i = 0; i < t.size(); i++) {
                        if (Double.isNaN(r[i])
                                || (d == Distribution.VONMISES && !(Math.abs(x[i] - p1[i]) < Math.PI))) {
                            continue; // no reference; or a von Mises row outside the principal period (sign of its phase)
                        }
                        int want = expectedSign(op, x[i] - (d == Distribution.VONMISES ? p1[i] : 0));
                        if (d == Distribution.VONMISES && p0[i] == 0 && op == Op.VONMISES_DCDF_DKAPPA) {
                            want = (int) Math.signum(x[i]); // kappa = 0: dF/dkappa = sin(x)/(2 pi), same sign
                        }
                        assertEquals(want, (int) Math.signum(r[i]), t + " row " + i + " (" + t.describeRow(i) + ") "
                                + op.column() + " = " + r[i]);
                    }
                }
                if (t.has("q")) {
                    double[] c = t.column("cdf");
                    double[] q = t.column("q");
                    for (int i = 0; i < t.size(); i++) {
                        if (Double.isFinite(c[i]) && Double.isFinite(q[i])) {
                            assertEquals(1.0, c[i] + q[i], 4e-16 * Math.max(1, Math.abs(c[i])), t + " row " + i + ": cdf + q");
                        }
                    }
                }
            }
        }
    }
}
