package dev.irg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of the CLI that need no numerics: column selection, CSV parsing and printing, input domains. */
class PartsTest {

    static List<String> columns(Quantity q, Distribution d, boolean hasP1) {
        return q.ops(d, hasP1).stream().map(Op::column).toList();
    }

    @Test
    void quantitySelectsColumnsPerDistribution() {
        assertEquals(List.of("cdf", "dcdf_dalpha", "grad_alpha"), columns(Quantity.ALL, Distribution.GAMMA, false));
        assertEquals(List.of("cdf", "dcdf_dalpha", "grad_alpha", "grad_rate"), columns(Quantity.ALL, Distribution.GAMMA, true));
        assertEquals(List.of("grad_alpha"), columns(Quantity.GRAD, Distribution.GAMMA, false));
        assertEquals(List.of("dcdf_dalpha"), columns(Quantity.DCDF, Distribution.GAMMA, true));
        assertEquals(List.of("cdf", "dcdf_da", "dcdf_db", "grad_a", "grad_b"), columns(Quantity.ALL, Distribution.BETA, true));
        assertEquals(List.of("dcdf_da", "dcdf_db"), columns(Quantity.DCDF, Distribution.BETA, true));
        assertEquals(List.of("grad_a", "grad_b"), columns(Quantity.GRAD, Distribution.BETA, true));
        assertEquals(List.of("cdf", "dcdf_dkappa", "grad_kappa"), columns(Quantity.ALL, Distribution.VONMISES, true));
        assertEquals(List.of("cdf"), columns(Quantity.CDF, Distribution.VONMISES, false));
        assertEquals(Quantity.GRAD, Quantity.parse(" Grad "));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("pdf"));
    }

    static Csv.Table table(String text) {
        return Csv.read(new BufferedReader(new StringReader(text)), "t.csv");
    }

    @Test
    void csvFindsColumnsByNameAndSkipsComments() {
        Csv.Table t = table("# made by a tool\n\nX, \"Alpha\" ,rate,extra\n# mid comment\n0.5,2,3,z\n1e-300,1e6,0.25,\n");
        assertEquals(List.of("x", "alpha", "rate", "extra"), t.header());
        assertEquals(2, t.size());
        Inputs in = t.inputs(Distribution.GAMMA, Precision.F64);
        assertEquals(List.of(2.0, 1e6), List.of(in.p0()[0], in.p0()[1]));
        assertEquals(List.of(3.0, 0.25), List.of(in.p1()[0], in.p1()[1]));
        assertEquals(List.of(0.5, 1e-300), List.of(in.x()[0], in.x()[1]));
        // optional second parameter absent: its default is broadcast
        Inputs noRate = table("alpha,x\n1,2\n").inputs(Distribution.GAMMA, Precision.F64);
        assertNull(noRate.p1());
        assertEquals(6, table("kappa,x,loc\n1,2,3\n").inputs(Distribution.VONMISES, Precision.F64).p1()[0] * 2);
    }

    @Test
    void csvF32RoundsDecimalToFloatOnce() {
        // 16777217 is not a float: rounds to 16777216 (ties to even); 0.1 to the nearest float
        Inputs in = table("alpha,x\n16777217,0.1\n").inputs(Distribution.GAMMA, Precision.F32);
        assertEquals(16777216.0, in.p0()[0]);
        assertEquals((double) 0.1f, in.x()[0]);
    }

    @Test
    void csvErrorsNameTheLine() {
        CliException e = assertThrows(CliException.class,
                () -> table("alpha,x\n1,2\n\n# c\n3,\n").inputs(Distribution.GAMMA, Precision.F64));
        assertTrue(e.getMessage().contains("t.csv line 5"), e.getMessage());
        assertEquals(Main.EXIT_USAGE, e.status());
        CliException empty = assertThrows(CliException.class, () -> table("# only comments\n"));
        assertTrue(empty.getMessage().contains("no header"), empty.getMessage());
    }

    @Test
    void csvWritesShortestRoundTripValues() throws Exception {
        StringWriter w = new StringWriter();
        double third = 1.0 / 3;
        Csv.write(w, List.of("a", "b"), new double[][] {{third, Double.NaN}, {-0.0, 1e-310}}, Precision.F64);
        String[] lines = w.toString().split("\n");
        assertEquals("a,b", lines[0]);
        assertEquals(third, Double.parseDouble(lines[1].split(",")[0]));
        assertEquals("NaN,1.0E-310", lines[2]);
        StringWriter f = new StringWriter();
        Csv.write(f, List.of("a"), new double[][] {{(float) third}}, Precision.F32);
        assertEquals("a\n0.33333334\n", f.toString());
    }

    @Test
    void randomInputsAreValidAndInRange() {
        for (Distribution d : Distribution.values()) {
            for (Precision pr : Precision.values()) {
                Inputs in = Domains.random(d, 2000, 7, pr);
                assertEquals(2000, in.n());
                for (int i = 0; i < in.n(); i++) {
                    double p0 = in.p0()[i], x = in.x()[i];
                    assertTrue(p0 > 0 && Double.isFinite(p0), d + " p0 " + p0);
                    assertTrue(Double.isFinite(x), d + " x " + x);
                    if (pr == Precision.F32) {
                        assertEquals((float) x, x, 0.0, "rounded to float");
                    }
                    switch (d) {
                        case GAMMA -> assertTrue(x >= 0, "gamma x " + x);
                        case BETA -> assertTrue(x >= 0 && x <= 1 && in.p1()[i] > 0, "beta x " + x);
                        case VONMISES -> assertTrue(Math.abs(x) <= Math.PI + 1e-6, "vonmises x " + x);
                    }
                }
            }
        }
        // Gamma(alpha = 50) samples: mean 50, sd ~7; a wrong sampler would miss this by far
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double s = 0;
        for (int i = 0; i < 4000; i++) {
            s += Math.exp(Domains.logGamma(rng, 50));
        }
        assertEquals(50, s / 4000, 0.5);
        // von Mises(kappa = 2): E[cos z] = I1(2)/I0(2) = 0.697774657964
        double c = 0;
        for (int i = 0; i < 20000; i++) {
            c += Math.cos(Domains.vonMises(rng, 2));
        }
        assertEquals(0.697774657964, c / 20000, 0.01);
    }

    @Test
    void errorStatsQuantilesFailuresAndZeroCrossingFloor() {
        double[] ref = {1, 2, 4, 8, 0, Double.NaN};
        double[] got = {1, 2.002, 4, 8.8, 0, 5};
        ErrorStats s = ErrorStats.of(got, ref, null);
        assertEquals(5, s.n(), "NaN reference rows are left out");
        assertEquals(0.1, s.max(), 1e-12);
        assertEquals(0.0, s.median());
        ErrorStats fail = ErrorStats.of(new double[] {Double.NaN, 1}, new double[] {1, 1}, null);
        assertEquals(1, fail.failures());
        assertEquals(Double.POSITIVE_INFINITY, fail.max());
        // near a zero crossing the error is taken against 1e-12 * scale
        double[] floor = ErrorStats.floors(new double[] {2.0});
        assertEquals(0.5, ErrorStats.of(new double[] {1e-12}, new double[] {0}, null, floor).max(), 1e-15);
        boolean[] use = {false, true, true, true, true, true};
        assertEquals(4, ErrorStats.of(got, ref, use).n());
    }

    @Test
    void errorMapBinsTheMaximumPerCell() {
        ErrorMap m = ErrorMap.of(Distribution.BETA);
        double[] a = {1e-3, 1e-3, 1e5};
        double[] b = {1e-3, 1e-3, 1};
        double[] ref = {1, 1, 1};
        double[] got = {1 + 1e-3, 1 + 1e-9, 1};
        double[][] v = m.bin(a, b, new double[3], new double[3], new double[3], got, ref, null);
        // a = b = 1e-3: log10 = -3, cell (1, 1) of [-4, 6) in 10 cells; its max error is 1e-3
        assertEquals(-3, v[1][1], 1e-6);
        assertEquals(Charts.LOG_ERROR_MIN, v[9][4], "exact value: the bottom of the scale");
        assertTrue(Double.isNaN(v[0][0]), "empty cell");
        assertEquals(m.nx(), m.xLabels().size());
    }

    @Test
    void jsonEscapesAndHandlesSpecialNumbers() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("s", "a\"b\n");
        m.put("nan", Double.NaN);
        m.put("list", List.of(1, 2.5, true));
        String j = Json.write(m);
        assertTrue(j.contains("\"s\": \"a\\\"b\\n\""), j);
        assertTrue(j.contains("\"nan\": null"), j);
        assertTrue(j.contains("2.50000"), j);
    }
}
